import type { GroupMember } from '../../utils/api/group-members';
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
        Nobody to import: {label} lists no one TeamFollow can add.
      </p>
    );
  const onRoster = members.filter((member) => known.has(accountKey(member.site, member.handle))).length;
  return (
    <div data-testid="group-preview" data-count={members.length} role="status">
      <p>
        {label}: {members.length.toLocaleString('en')} {members.length === 1 ? 'person' : 'people'}
        {onRoster > 0 ? `, ${onRoster.toLocaleString('en')} already on the roster (merged, not added)` : ''}.
        Nothing is saved until you import.
      </p>
      <ul>
        {members.map((member) => (
          <li key={member.handle} data-testid="group-preview-member" data-handle={member.handle}>
            {member.name}{' '}
            <span class="muted">
              {siteById(member.site).name} {member.handle}
              {known.has(accountKey(member.site, member.handle)) ? ' (on the roster)' : ''}
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
          Import {members.length.toLocaleString('en')}
        </button>
      </div>
    </div>
  );
}
