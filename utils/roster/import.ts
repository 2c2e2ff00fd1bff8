import { type TeamDb, updateMembers } from '../db';
import { t } from '../i18n/index';
import { type Account, accountKey, accountKeysOf, type Member } from '../model';
import { SITE_IDS } from '../sites/index';
import { parseRoster } from './parse';
import type { ImportSummary, ParsedMember, RosterProblem } from './types';

const bySiteOrder = (a: Account, b: Account) => SITE_IDS.indexOf(a.site) - SITE_IDS.indexOf(b.site);

/** Text compared as a person reads it: case, Unicode form and runs of spaces do not count. */
function loose(text: string | undefined): string {
  return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const nameTeamKey = (name: string, team: string | undefined) => `${loose(name)}\u0000${loose(team)}`;

/** Two emails that say these are two different people. */
const emailsDiffer = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() !== b.toLowerCase();

/** How a row found its teammate: the summary names the ones matched on name and team alone. */
type MatchedBy = 'email' | 'account' | 'name';

/** Finds the same person among known members: by email, else by a shared account, else by name plus team. */
class MemberIndex {
  private readonly byEmail = new Map<string, Member>();
  private readonly byAccount = new Map<string, Member>();
  private readonly byNameTeam = new Map<string, Member[]>();
  /** The loose name of the first row of this file that landed on a teammate. */
  private readonly landedAs = new Map<Member, string>();

  constructor(members: Iterable<Member>) {
    for (const member of members) {
      this.rememberEmail(member);
      this.rememberName(member);
      for (const key of accountKeysOf(member.accounts)) this.claim(key, member);
    }
  }

  rememberEmail(member: Member): void {
    if (member.email) this.byEmail.set(member.email.toLowerCase(), member);
  }

  rememberName(member: Member): void {
    const key = nameTeamKey(member.name, member.team);
    const list = this.byNameTeam.get(key);
    if (list) list.push(member);
    else this.byNameTeam.set(key, [member]);
  }

  landed(member: Member, row: ParsedMember): void {
    if (!this.landedAs.has(member)) this.landedAs.set(member, loose(row.name));
  }

  /** The first teammate to hold an account keeps it. */
  claim(key: string, member: Member): void {
    if (!this.byAccount.has(key)) this.byAccount.set(key, member);
  }

  ownerOf(key: string): Member | undefined {
    return this.byAccount.get(key);
  }

  /**
   * A shared account makes a row that teammate only when nothing says otherwise: no other email, the same name
   * (no email confirms a rename), and no earlier row of this file with another name on them.
   */
  private sharesAccountWith(row: ParsedMember, owner: Member): boolean {
    if (emailsDiffer(row.email, owner.email)) return false;
    if (loose(row.name) !== loose(owner.name)) return false;
    const landedAs = this.landedAs.get(owner);
    return landedAs === undefined || landedAs === loose(row.name);
  }

  find(row: ParsedMember): { member: Member; by: MatchedBy } | undefined {
    const byEmail = row.email ? this.byEmail.get(row.email.toLowerCase()) : undefined;
    if (byEmail) return { member: byEmail, by: 'email' };
    for (const key of accountKeysOf(row.accounts)) {
      const owner = this.byAccount.get(key);
      if (owner && this.sharesAccountWith(row, owner)) return { member: owner, by: 'account' };
    }
    // Nothing else to go by, on the row or on the teammate: the same name in the same team, each teammate once per
    // file (two rows "Cy" are two teammates). Two "Alex" in one team with other accounts stay two people.
    const rowHasNothingElse = !row.email && row.accounts.length === 0;
    const namesakes = this.byNameTeam.get(nameTeamKey(row.name, row.team)) ?? [];
    const namesake = namesakes.find(
      (member) =>
        !this.landedAs.has(member) &&
        !emailsDiffer(row.email, member.email) &&
        (rowHasNothingElse || (!member.email && member.accounts.length === 0)),
    );
    return namesake ? { member: namesake, by: 'name' } : undefined;
  }
}

/** Why an account of this row stayed with the teammate who has it. */
function takenReason(row: ParsedMember, owner: Member, by: MatchedBy | undefined): string {
  const name = owner.name;
  // A row its email placed elsewhere needs no more words; otherwise say what kept the two apart.
  if (by === 'email') return t('roster_taken', { name });
  if (emailsDiffer(row.email, owner.email)) return t('roster_taken_otherEmail', { name });
  if (loose(row.name) !== loose(owner.name)) return t('roster_taken_otherName', { name });
  return t('roster_taken', { name });
}

/** What merging a file into the roster did; `existing` members are changed in place. */
export interface MergeResult {
  /** Every teammate a row landed on, by id. */
  landed: Map<string, Member>;
  /** The teammates to write: re-importing the same file changes none. */
  changed: Set<Member>;
  addedIds: Set<string>;
  problems: RosterProblem[];
  /** Teammates found by name and team alone (no email, no shared account). */
  matchedByName: Member[];
  /** Teammates in the roster that no row of the file lists (nothing is removed here). */
  leavers: Member[];
}

/**
 * Merges parsed teammates into `existing` (mutated). A row never takes over another teammate: an account that
 * already belongs to someone else stays theirs and is reported, and a name or email is never written over another
 * person's. Linear in rows plus accounts: each row touches only its own cells.
 */
export function mergeMembers(
  existing: Member[],
  parsed: ParsedMember[],
  newId: () => string = () => crypto.randomUUID(),
): MergeResult {
  const index = new MemberIndex(existing);
  const landed = new Map<string, Member>();
  const changed = new Set<Member>();
  const addedIds = new Set<string>();
  const problems: RosterProblem[] = [];
  const matchedByName: Member[] = [];

  for (const row of parsed) {
    const found = index.find(row);
    let member = found?.member;
    if (!member) {
      member = { id: newId(), name: row.name, accounts: [], accountKeys: [] };
      addedIds.add(member.id);
      changed.add(member);
    } else if (found?.by === 'name' && !landed.has(member.id)) {
      matchedByName.push(member);
    }
    index.landed(member, row);
    // Only the same email renames (a shared account alone matched an equal name, up to case and spaces).
    if (member.name !== row.name && (found?.by === 'email' || found?.by === 'account')) {
      member.name = row.name;
      changed.add(member);
    }
    if (row.team && row.team !== member.team) {
      member.team = row.team;
      changed.add(member);
    }
    if (row.email && !member.email) {
      member.email = row.email;
      index.rememberEmail(member);
      changed.add(member);
    }
    for (const account of row.accounts) {
      const key = accountKey(account.site, account.handle);
      const owner = index.ownerOf(key);
      if (!owner) {
        index.claim(key, member);
        member.accounts.push(account);
        changed.add(member);
      } else if (owner !== member) {
        problems.push({
          line: row.line,
          column: row.accountColumns?.get(key) ?? account.site,
          value: account.handle,
          reason: takenReason(row, owner, found?.by),
          kind: 'cell',
        });
      }
    }
    landed.set(member.id, member);
  }
  for (const member of changed) {
    member.accounts.sort(bySiteOrder);
    member.accountKeys = accountKeysOf(member.accounts);
  }
  const leavers = existing.filter((member) => !landed.has(member.id));
  return { landed, changed, addedIds, problems, matchedByName, leavers };
}

/**
 * Parses a roster file and merges it into the members store in one readwrite transaction:
 * either every teammate lands or, on any failure, the database stays as it was.
 * Throws RosterFileError (nothing written) when the file as a whole cannot be read.
 */
export async function importRoster(db: TeamDb, text: string, fileName?: string): Promise<ImportSummary> {
  const roster = parseRoster(text, fileName);
  return updateMembers(db, (existing) => {
    const merged = mergeMembers(existing, roster.members);
    const problems = [...roster.problems, ...merged.problems].sort((a, b) => a.line - b.line);
    const { landed, addedIds } = merged;
    const summary: ImportSummary = {
      imported: landed.size,
      added: addedIds.size,
      merged: landed.size - addedIds.size,
      rejected: problems.length,
      problems,
      ignoredColumns: roster.ignoredColumns,
      joiners: [...addedIds].map((id) => landed.get(id)?.name ?? ''),
      leavers: merged.leavers
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      matchedByName: merged.matchedByName.map((member) => member.name),
    };
    return { changed: merged.changed, result: summary };
  });
}
