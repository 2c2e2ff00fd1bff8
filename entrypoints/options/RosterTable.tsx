import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AccountList } from '../../components/AccountList';
import { filterMembers, sortMembers } from '../../components/roster-filter';
import { useKeepFocus } from '../../components/use-keep-focus';
import { t } from '../../utils/i18n/index';
import type { Member } from '../../utils/model';

/** Rows rendered at a time: 10,000 rows would make every keystroke in the search box slow. */
export const PAGE_SIZE = 100;

interface RosterTableProps {
  members: readonly Member[];
  onAdd: () => void;
  onEdit: (member: Member) => void;
  onDelete: (member: Member) => Promise<void>;
}

interface RosterRowProps {
  member: Member;
  onEdit: (member: Member) => void;
  onDelete: (member: Member) => Promise<void>;
}

function RosterRow({ member, onEdit, onDelete }: RosterRowProps) {
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Move focus into the confirm step and back, so keyboard users never lose their place.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <tr data-testid="roster-row" data-member-id={member.id} data-focus-key={member.id}>
      <th scope="row" class="cell-name">
        {member.name}
      </th>
      <td class="cell-team">{member.team ?? ''}</td>
      <td class="cell-email">{member.email ?? ''}</td>
      <td class="cell-accounts">
        <AccountList accounts={member.accounts} />
      </td>
      <td class="cell-actions">
        {confirming ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: Escape here only mirrors the "No" button.
          <div
            class="inline-confirm"
            onKeyDown={(event) => {
              if (event.key === 'Escape') setConfirming(false);
            }}
          >
            <span>{t('options_table_confirmDelete', { name: member.name })}</span>
            <button
              type="button"
              class="danger"
              data-testid="delete-member-confirm"
              onClick={() => onDelete(member)}
            >
              {t('options_table_yesDelete')}
            </button>
            <button
              type="button"
              ref={keepButton}
              data-testid="delete-member-cancel"
              onClick={() => setConfirming(false)}
            >
              {t('options_table_no')}
            </button>
          </div>
        ) : (
          <div class="row-actions">
            <button
              type="button"
              data-testid="edit-member"
              aria-label={t('options_table_editLabel', { name: member.name })}
              onClick={() => onEdit(member)}
            >
              {t('options_table_edit')}
            </button>
            <button
              type="button"
              ref={deleteButton}
              data-testid="delete-member"
              aria-label={t('options_table_deleteLabel', { name: member.name })}
              onClick={() => setConfirming(true)}
            >
              {t('options_delete')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** The roster: a search box, the matching teammates sorted by name, PAGE_SIZE rows at a time. */
export function RosterTable({ members, onAdd, onEdit, onDelete }: RosterTableProps) {
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const searchBox = useRef<HTMLInputElement>(null);
  const sorted = useMemo(() => sortMembers(members), [members]);
  const matches = useMemo(() => filterMembers(sorted, query), [sorted, query]);
  const shown = matches.slice(0, limit);
  const remaining = matches.length - shown.length;

  const [tableEl, setTableEl] = useState<HTMLTableElement | null>(null);
  // A deleted row's focus goes to the row now at its place, or to the search box when none is left.
  useKeepFocus(tableEl, () => searchBox.current);

  return (
    <div class="roster">
      <div class="toolbar">
        <div class="search">
          <label for="roster-search">{t('options_table_search')}</label>
          <input
            id="roster-search"
            ref={searchBox}
            type="search"
            placeholder={t('options_table_searchPlaceholder')}
            data-testid="roster-search"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setLimit(PAGE_SIZE);
            }}
          />
        </div>
        <button type="button" class="primary" data-testid="add-member" onClick={onAdd}>
          {t('options_table_add')}
        </button>
      </div>

      {members.length === 0 ? (
        <p class="empty">{t('options_table_empty')}</p>
      ) : matches.length === 0 ? (
        <p class="empty" data-testid="roster-no-match">
          {t('options_table_noMatch', { query: query.trim() })}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="roster-table" ref={setTableEl}>
            <caption class="visually-hidden">{t('options_table_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_table_name')}</th>
                <th scope="col">{t('options_table_team')}</th>
                <th scope="col">{t('options_table_email')}</th>
                <th scope="col">{t('options_table_accounts')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('options_table_actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((member) => (
                <RosterRow key={member.id} member={member} onEdit={onEdit} onDelete={onDelete} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {matches.length > 0 && (
        <p class="table-footer muted" data-testid="roster-shown">
          {t(query.trim() ? 'options_table_showingMatching' : 'options_table_showing', {
            shown: shown.length,
            total: matches.length,
          })}
          {remaining > 0 && (
            <>
              {' '}
              <button
                type="button"
                class="link-button"
                data-testid="show-more"
                onClick={() => setLimit(limit + PAGE_SIZE)}
              >
                {t('options_table_showMore', { count: Math.min(PAGE_SIZE, remaining) })}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
