import { useState } from 'preact/hooks';
import { Dialog } from '../../components/Dialog';
import { MemberEditor } from '../../components/MemberEditor';
import { emptyMember } from '../../components/member-form';
import { deleteMember, findMemberByAccount, getDb, putMember } from '../../utils/db';
import type { Member } from '../../utils/model';
import { accountOwnerError } from './account-owner';
import { notifyChange } from './notify-change';
import { RosterTable } from './RosterTable';
import { teammates } from './teammates';
import type { Roster } from './use-roster';

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
    setNotice(`Saved ${member.name}.`);
    await reload();
  }

  async function removeMember(member: Member) {
    await deleteMember(await getDb(), member.id);
    notifyChange();
    setNotice(`Deleted ${member.name}.`);
    await reload();
  }

  return (
    <>
      <section class="card" aria-labelledby="roster-heading">
        <h2 id="roster-heading">
          Your team{' '}
          <span class="count">
            (<span data-testid="roster-count">{members?.length ?? 0}</span> {teammates(members?.length)})
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
          !loadError && <p class="muted">Loading…</p>
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
          title={editing.isNew ? 'Add a teammate' : `Edit ${editing.member.name}`}
          onClose={() => setEditing(null)}
          testId="member-dialog"
        >
          <MemberEditor member={editing.member} onSave={saveMember} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
    </>
  );
}
