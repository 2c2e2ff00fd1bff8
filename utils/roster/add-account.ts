import { findMemberByAccount, getMember, putMember, type TeamDb } from '../db';
import { t } from '../i18n/index';
import type { Account, Member } from '../model';
import { SITE_IDS, siteById } from '../sites/index';

// Adding one account seen on a page (the popup's "Add to team", the context menu's "Add to TeamFollow"): as a new
// teammate, or to one the user picked. One account, one teammate: an account someone has already is refused.

/** Adds the account as a new teammate named `name`, or to `member`; resolves to what happened, in words. */
export async function addAccount(
  db: TeamDb,
  account: Account,
  to: { name: string } | { member: Member },
  newId: () => string = () => crypto.randomUUID(),
): Promise<string> {
  const holder = await findMemberByAccount(db, account.site, account.handle);
  if (holder) throw new Error(t('roster_add_taken', { name: holder.name }));
  if ('name' in to) {
    await putMember(db, { id: newId(), name: to.name, accounts: [account], accountKeys: [] });
    return t('roster_add_added', { name: to.name });
  }
  // Read again: the roster may have changed since the list was drawn.
  const member = (await getMember(db, to.member.id)) ?? to.member;
  const accounts = [...member.accounts, account].sort(
    (a, b) => SITE_IDS.indexOf(a.site) - SITE_IDS.indexOf(b.site),
  );
  await putMember(db, { ...member, accounts });
  return t('roster_add_addedTo', { site: siteById(account.site).name, name: member.name });
}
