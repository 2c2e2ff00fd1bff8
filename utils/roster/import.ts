import { type TeamDb, updateMembers } from '../db';
import { type Account, accountKey, accountKeysOf, type Member } from '../model';
import { SITE_IDS } from '../sites/index';
import { parseRoster } from './parse';
import type { ImportSummary, ParsedMember, RosterProblem } from './types';

const bySiteOrder = (a: Account, b: Account) => SITE_IDS.indexOf(a.site) - SITE_IDS.indexOf(b.site);

/** Finds the same person among known members: by email first, else by any shared account. */
class MemberIndex {
  private readonly byEmail = new Map<string, Member>();
  private readonly byAccount = new Map<string, Member>();

  constructor(members: Iterable<Member>) {
    for (const member of members) {
      this.rememberEmail(member);
      for (const key of accountKeysOf(member.accounts)) this.claim(key, member);
    }
  }

  rememberEmail(member: Member): void {
    if (member.email) this.byEmail.set(member.email.toLowerCase(), member);
  }

  forgetEmail(member: Member): void {
    const email = member.email?.toLowerCase();
    if (email && this.byEmail.get(email) === member) this.byEmail.delete(email);
  }

  /** The first teammate to hold an account keeps it. */
  claim(key: string, member: Member): void {
    if (!this.byAccount.has(key)) this.byAccount.set(key, member);
  }

  ownerOf(key: string): Member | undefined {
    return this.byAccount.get(key);
  }

  find(parsed: ParsedMember): Member | undefined {
    const byEmail = parsed.email ? this.byEmail.get(parsed.email.toLowerCase()) : undefined;
    if (byEmail) return byEmail;
    for (const key of accountKeysOf(parsed.accounts)) {
      const owner = this.byAccount.get(key);
      if (owner) return owner;
    }
    return undefined;
  }
}

/**
 * Merges parsed teammates into `existing` (mutated). Returns every teammate a row landed on, the ones that
 * changed (only those need writing: re-importing the same file writes nothing), and the ids of new ones.
 * An account that already belongs to another teammate stays there and is reported, so no lookup becomes ambiguous.
 * Linear in rows plus accounts: each row touches only its own cells, never the whole member it merges into.
 */
export function mergeMembers(
  existing: Member[],
  parsed: ParsedMember[],
  newId: () => string = () => crypto.randomUUID(),
): { landed: Map<string, Member>; changed: Set<Member>; addedIds: Set<string>; problems: RosterProblem[] } {
  const index = new MemberIndex(existing);
  const landed = new Map<string, Member>();
  const changed = new Set<Member>();
  const addedIds = new Set<string>();
  const problems: RosterProblem[] = [];

  for (const row of parsed) {
    let member = index.find(row);
    if (!member) {
      member = { id: newId(), name: row.name, accounts: [], accountKeys: [] };
      addedIds.add(member.id);
      changed.add(member);
    }
    if (member.name !== row.name) {
      member.name = row.name;
      changed.add(member);
    }
    if (row.team && row.team !== member.team) {
      member.team = row.team;
      changed.add(member);
    }
    if (row.email && row.email !== member.email) {
      index.forgetEmail(member);
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
          reason: `already belongs to teammate "${owner.name}"`,
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
  return { landed, changed, addedIds, problems };
}

/**
 * Parses a roster file and merges it into the members store in one readwrite transaction:
 * either every teammate lands or, on any failure, the database stays as it was.
 * Throws RosterFileError (nothing written) when the file as a whole cannot be read.
 */
export async function importRoster(db: TeamDb, text: string, fileName?: string): Promise<ImportSummary> {
  const roster = parseRoster(text, fileName);
  return updateMembers(db, (existing) => {
    const { landed, changed, addedIds, problems: mergeProblems } = mergeMembers(existing, roster.members);
    const problems = [...roster.problems, ...mergeProblems].sort((a, b) => a.line - b.line);
    const summary: ImportSummary = {
      imported: landed.size,
      added: addedIds.size,
      merged: landed.size - addedIds.size,
      rejected: problems.length,
      problems,
      ignoredColumns: roster.ignoredColumns,
    };
    return { changed, result: summary };
  });
}
