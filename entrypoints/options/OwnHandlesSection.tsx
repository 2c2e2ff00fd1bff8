import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { parseHandles } from '../../components/member-form';
import { errorText } from '../../utils/errors';
import { formatList, t } from '../../utils/i18n/index';
import { ownHandlesItem } from '../../utils/settings';
import { type SiteId, sites } from '../../utils/sites/index';

type OwnHandles = Partial<Record<SiteId, string[]>>;
type OwnHandlesForm = Partial<Record<SiteId, string>>;

function formFromStored(stored: OwnHandles): OwnHandlesForm {
  const form: OwnHandlesForm = {};
  for (const site of sites) form[site.id] = (stored[site.id] ?? []).join(' ');
  return form;
}

function errorsOf(form: OwnHandlesForm): Partial<Record<SiteId, string>> {
  const errors: Partial<Record<SiteId, string>> = {};
  for (const site of sites) {
    const { invalid } = parseHandles(site.id, form[site.id] ?? '');
    if (invalid.length > 0)
      errors[site.id] = t('options_own_invalid', {
        handles: formatList(invalid.map((piece) => t('options_quoted', { text: piece }))),
        site: site.name,
      });
  }
  return errors;
}

function storedFromForm(form: OwnHandlesForm): OwnHandles {
  const stored: OwnHandles = {};
  for (const site of sites) {
    const { handles } = parseHandles(site.id, form[site.id] ?? '');
    if (handles.length > 0) stored[site.id] = handles;
  }
  return stored;
}

/** The user's own handles per site: the background records follows only from the user's own following lists. */
export function OwnHandlesSection() {
  const [form, setForm] = useState<OwnHandlesForm | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  // Unsaved typing wins over a handle learned in the background meanwhile.
  const dirty = useRef(false);
  const errors = useMemo(() => (form ? errorsOf(form) : {}), [form]);
  const invalid = Object.keys(errors).length > 0;

  useEffect(() => {
    let live = true;
    const show = (stored: OwnHandles | null) => {
      if (live && !dirty.current) setForm(formFromStored(stored ?? {}));
    };
    void ownHandlesItem.getValue().then(show);
    const unwatch = ownHandlesItem.watch(show);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    if (!form || invalid || saving) return;
    setSaving(true);
    try {
      const stored = storedFromForm(form);
      await ownHandlesItem.setValue(stored);
      dirty.current = false;
      setForm(formFromStored(stored));
      setNotice(t('options_own_saved'));
    } catch (error) {
      setNotice(t('options_couldNotSave', { error: errorText(error) }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card" aria-labelledby="own-handles-heading" data-testid="own-handles">
      <h2 id="own-handles-heading">{t('options_own_heading')}</h2>
      <p>{t('options_own_what')}</p>
      <p class="muted">{t('options_own_help')}</p>
      {form === null ? (
        <p class="muted">{t('options_loading')}</p>
      ) : (
        <form noValidate onSubmit={save}>
          <div class="field-grid own-handles-grid">
            {sites.map((site) => {
              const id = `own-handle-${site.id}`;
              return (
                <Field key={site.id} id={id} label={site.name} error={errors[site.id]}>
                  {(control) => (
                    <input
                      {...control}
                      {...PLAIN_TEXT}
                      placeholder={site.id === 'mastodon' ? t('options_own_mastodonPlaceholder') : undefined}
                      value={form[site.id] ?? ''}
                      data-testid="own-handle"
                      data-site={site.id}
                      onInput={(event) => {
                        dirty.current = true;
                        const value = event.currentTarget.value;
                        setForm((current) => ({ ...current, [site.id]: value }));
                        setNotice('');
                      }}
                    />
                  )}
                </Field>
              );
            })}
          </div>
          <div class="actions start">
            <button
              type="submit"
              class="primary"
              data-testid="own-handles-save"
              disabled={invalid || saving}
              aria-describedby={invalid ? 'own-handles-blocked' : undefined}
            >
              {t('options_own_save')}
            </button>
            {invalid && (
              <p class="muted hint" id="own-handles-blocked">
                {t('options_own_blocked')}
              </p>
            )}
          </div>
          <p class="notice" role="status">
            {notice}
          </p>
        </form>
      )}
    </section>
  );
}
