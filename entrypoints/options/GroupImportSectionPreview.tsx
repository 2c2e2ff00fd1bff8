import type { GroupMember } from '../../utils/api/group-members';
import { plural, t } from '../../utils/i18n/index';
import { accountKey } from '../../utils/model';
import { siteById } from '../../utils/sites/index';

interface PreviewProps {
  /** "the GitHub organisation acme", and the like. */
  label: string;
  members: readonly GroupMember[];
  /** Account keys already on the roster: those teammates are merged, not added. */
  known: ReadonlyMap<string, string>;
  importing: boolean;
  onImport: () => void;
}

/** Who a group import would bring, before anything is written, with the button that imports them. */
export function GroupImportSectionPreview({ label, members, known, importing, onImport }: PreviewProps) {
  if (members.length === 0)
    return (
      <p data-testid="group-preview" data-count="0" role="status">
        {t('options_group_nobody', { group: label })}
      </p>
    );
  const onRoster = members.filter((member) => known.has(accountKey(member.site, member.handle))).length;
  return (
    <div data-testid="group-preview" data-count={members.length} role="status">
      <p>
        {onRoster > 0
          ? plural('options_group_previewKnown', members.length, { group: label, known: onRoster })
          : plural('options_group_preview', members.length, { group: label })}
      </p>
      <ul>
        {members.map((member) => (
          <li key={member.handle} data-testid="group-preview-member" data-handle={member.handle}>
            {member.name}{' '}
            <span class="muted">
              {siteById(member.site).name} {member.handle}
              {known.has(accountKey(member.site, member.handle)) ? ` ${t('options_group_onRoster')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <div class="actions start">
        <button
          type="button"
          class="primary"
          data-testid="group-import-button"
          disabled={importing}
          onClick={onImport}
        >
          {t('options_group_import', { count: members.length })}
        </button>
      </div>
    </div>
  );
}
