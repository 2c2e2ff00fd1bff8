import { useState } from 'preact/hooks';
import { Dialog } from '../../components/Dialog';
import { MemberEditor } from '../../components/MemberEditor';
import { emptyMember } from '../../components/member-form';
import { deleteMember, findMemberByAccount, getDb, putMember } from '../../utils/db';
import { formatNumber, plural, t } from '../../utils/i18n/index';
import type { Member } from '../../utils/model';
import { accountOwnerError } from './account-owner';
import { notifyChange } from './notify-change';
import { RosterTable } from './RosterTable';
import { KEEP_COUNT, withParts } from './rich';
import type { Roster } from './use-roster';

/** The Edit button of a teammate's row in the roster table. */
function editButtonOf(id: string): HTMLElement | null {
  const row = [...document.querySelectorAll<HTMLElement>('[data-testid="roster-row"]')].find(
    (candidate) => candidate.dataset.memberId === id,
  );
  return row?.querySelector<HTMLElement>('[data-testid="edit-member"]') ?? null;
}

/** Your team: the roster table, with a dialog to add or edit a teammate. */
export function RosterSection({ roster }: { roster: Roster }) {
  const { members, loadError, reload } = roster;
  const [editing, setEditing] = useState<{ member: Member; isNew: boolean } | null>(null);
  const [notice, setNotice] = useState('');

  async function saveMember(member: Member) {
    const db = await getDb();
    const owners = await Promise.all(
      member.accounts.map((account) => findMemberByAccount(db, account.site, account.handle)),
    );
    const taken = accountOwnerError(
      member,
      owners.filter((owner) => owner !== undefined),
    );
    if (taken) throw new Error(taken);
    await putMember(db, member);
    notifyChange();
    setEditing(null);
    setNotice(t('options_roster_saved', { name: member.name }));
    await reload();
    // The row may have moved (a new name sorts elsewhere) or be new: focus its Edit button once it is drawn.
    setTimeout(() => editButtonOf(member.id)?.focus(), 0);
  }

  async function removeMember(member: Member) {
    await deleteMember(await getDb(), member.id);
    notifyChange();
    setNotice(t('options_roster_deleted', { name: member.name }));
    await reload();
  }

  return (
    <>
      <section class="card" aria-labelledby="roster-heading">
        <h2 id="roster-heading">
          {t('options_roster_heading')}{' '}
          <span class="count">
            {withParts(plural('options_roster_count', members?.length ?? 0, KEEP_COUNT), {
              count: <span data-testid="roster-count">{formatNumber(members?.length ?? 0)}</span>,
            })}
          </span>
        </h2>
        {loadError && (
          <p class="error" role="alert">
            {loadError}
          </p>
        )}
        <p class="notice" role="status">
          {notice}
        </p>
        {members === null ? (
          !loadError && <p class="muted">{t('options_loading')}</p>
        ) : (
          <RosterTable
            members={members}
            onAdd={() => setEditing({ member: emptyMember(crypto.randomUUID()), isNew: true })}
            onEdit={(member) => setEditing({ member, isNew: false })}
            onDelete={removeMember}
          />
        )}
      </section>
      {editing && (
        <Dialog
          title={
            editing.isNew
              ? t('options_roster_addTitle')
              : t('options_roster_editTitle', { name: editing.member.name })
          }
          onClose={() => setEditing(null)}
          testId="member-dialog"
        >
          <MemberEditor member={editing.member} onSave={saveMember} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
    </>
  );
}
