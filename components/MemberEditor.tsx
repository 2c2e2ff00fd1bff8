import { useId, useMemo, useState } from 'preact/hooks';
import { errorText } from '../utils/errors';
import { t } from '../utils/i18n/index';
import type { Member } from '../utils/model';
import { sites } from '../utils/sites/index';
import { Field, PLAIN_TEXT } from './Field';
import { formFromMember, hasErrors, type MemberForm, memberFromForm, validateForm } from './member-form';

interface MemberEditorProps {
  member: Member;
  /** Writes the member; a rejected promise shows its message and keeps the editor open. */
  onSave: (member: Member) => Promise<void> | void;
  onCancel: () => void;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  inputMode?: 'email';
  required?: boolean;
  placeholder?: string;
  testId?: string;
  siteId?: string;
}

/** One line of the editor: a text input in a Field. */
function TextField({ label, required, error, onInput, testId, siteId, ...input }: TextFieldProps) {
  const title = (
    <>
      {label}
      {required && <span class="muted"> {t('components_member_required')}</span>}
    </>
  );
  return (
    <Field id={input.id} label={title} error={error}>
      {(control) => (
        <input
          {...input}
          {...control}
          {...PLAIN_TEXT}
          required={required}
          data-testid={testId}
          data-site={siteId}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/**
 * Edits one teammate: name, team, email and one field per site. Every site field is checked as you type;
 * several handles on one site go in the same field, separated by spaces. Save stays off while anything is invalid.
 */
export function MemberEditor({ member, onSave, onCancel }: MemberEditorProps) {
  const idPrefix = useId();
  const [form, setForm] = useState<MemberForm>(() => formFromMember(member));
  const [nameTouched, setNameTouched] = useState(member.name !== '');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const errors = useMemo(() => validateForm(form), [form]);
  const invalid = hasErrors(errors);

  const update = (patch: Partial<MemberForm>) => setForm((current) => ({ ...current, ...patch }));

  async function submit(event: Event) {
    event.preventDefault();
    const next = memberFromForm(member.id, form);
    if (!next || saving) return;
    setSaving(true);
    setSaveError('');
    try {
      await onSave(next);
    } catch (error) {
      setSaveError(t('components_member_saveFailed', { error: errorText(error) }));
      setSaving(false);
    }
  }

  return (
    <form class="member-editor" data-testid="member-editor" noValidate onSubmit={submit}>
      <div class="field-grid">
        <TextField
          id={`${idPrefix}-name`}
          label={t('components_member_name')}
          required
          value={form.name}
          error={nameTouched ? errors.name : undefined}
          onInput={(name) => {
            setNameTouched(true);
            update({ name });
          }}
          onBlur={() => setNameTouched(true)}
          testId="member-name"
        />
        <TextField
          id={`${idPrefix}-team`}
          label={t('components_member_team')}
          value={form.team}
          onInput={(team) => update({ team })}
          testId="member-team"
        />
        <TextField
          id={`${idPrefix}-email`}
          label={t('components_member_email')}
          inputMode="email"
          value={form.email}
          onInput={(email) => update({ email })}
          testId="member-email"
        />
      </div>
      <fieldset>
        <legend>{t('components_member_accounts')}</legend>
        <p class="muted hint">{t('components_member_accountsHint')}</p>
        <div class="field-grid">
          {sites.map((site) => (
            <TextField
              key={site.id}
              id={`${idPrefix}-${site.id}`}
              label={site.name}
              value={form.handles[site.id] ?? ''}
              error={errors.sites[site.id]}
              placeholder={site.id === 'mastodon' ? t('components_member_mastodonPlaceholder') : undefined}
              onInput={(value) =>
                setForm((current) => ({ ...current, handles: { ...current.handles, [site.id]: value } }))
              }
              testId="member-handle"
              siteId={site.id}
            />
          ))}
        </div>
      </fieldset>
      {saveError && (
        <p class="field-error" role="alert">
          {saveError}
        </p>
      )}
      <div class="actions">
        {invalid && (
          <p class="muted hint" id={`${idPrefix}-blocked`}>
            {errors.name ? t('components_member_needName') : t('components_member_fixHandles')}
          </p>
        )}
        <button type="button" onClick={onCancel}>
          {t('components_member_cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          data-testid="save-member"
          disabled={invalid || saving}
          aria-describedby={invalid ? `${idPrefix}-blocked` : undefined}
        >
          {t('components_member_save')}
        </button>
      </div>
    </form>
  );
}
