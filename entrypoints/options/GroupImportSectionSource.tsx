import { Field, PLAIN_TEXT } from '../../components/Field';
import type { MastodonList } from '../../utils/api/group-members-mastodon';
import { t } from '../../utils/i18n/index';

/** Where a group is read from. */
export type SourceKind = 'github' | 'bluesky' | 'mastodon';

/** What the user has typed or picked for each kind of group. */
export interface SourceChoice {
  kind: SourceKind;
  org: string;
  blueskyUrl: string;
  listId: string;
}

interface SourceProps {
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  /** Another kind of group was picked: what was read for the last one no longer holds. */
  onKind: (kind: SourceKind) => void;
  /** The connected Mastodon account's instance, if any. */
  mastodonInstance?: string;
  /** Its lists; null while they are read. */
  lists: MastodonList[] | null;
}

/** The source picker of a group import: the kind of group, then its organisation name, address or list. */
export function GroupImportSectionSource({ choice, onChange, onKind, mastodonInstance, lists }: SourceProps) {
  return (
    <>
      <Field id="group-source" label={t('options_group_source')}>
        {(control) => (
          <select
            {...control}
            data-testid="group-source"
            value={choice.kind}
            onChange={(event) => onKind(event.currentTarget.value as SourceKind)}
          >
            <option value="github">{t('options_group_github')}</option>
            <option value="bluesky">{t('options_group_bluesky')}</option>
            <option value="mastodon">{t('options_group_mastodon')}</option>
          </select>
        )}
      </Field>
      {choice.kind === 'github' && (
        <Field id="group-org" label={t('options_group_orgLabel')} help={t('options_group_orgHelp')}>
          {(control) => (
            <input
              {...control}
              {...PLAIN_TEXT}
              data-testid="group-org-input"
              value={choice.org}
              onInput={(event) => onChange({ ...choice, org: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
      {choice.kind === 'bluesky' && (
        <Field id="group-bluesky" label={t('options_group_blueskyLabel')}>
          {(control) => (
            <input
              {...control}
              {...PLAIN_TEXT}
              type="url"
              data-testid="group-bluesky-input"
              placeholder={t('options_group_blueskyPlaceholder')}
              value={choice.blueskyUrl}
              onInput={(event) => onChange({ ...choice, blueskyUrl: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
      {choice.kind === 'mastodon' &&
        (!mastodonInstance ? (
          <p class="muted" data-testid="group-mastodon-missing">
            {t('options_group_mastodonMissing')}
          </p>
        ) : (
          <Field id="group-mastodon" label={t('options_group_mastodonLabel', { instance: mastodonInstance })}>
            {(control) => (
              <select
                {...control}
                data-testid="group-mastodon-list"
                value={choice.listId}
                disabled={!lists || lists.length === 0}
                onChange={(event) => onChange({ ...choice, listId: event.currentTarget.value })}
              >
                {!lists && <option value="">{t('options_loading')}</option>}
                {lists?.length === 0 && <option value="">{t('options_group_noLists')}</option>}
                {lists?.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
    </>
  );
}
