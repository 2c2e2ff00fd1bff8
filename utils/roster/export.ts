import Papa from 'papaparse';
import type { Member } from '../model';
import { SITE_IDS, type SiteId } from '../sites/index';

// Pure: members in, file text out. Every format here is read back by parseRoster.

/** A member's handles grouped by site, in SITE_IDS order, each list in the member's order. */
export function accountsBySite(member: Pick<Member, 'accounts'>): Partial<Record<SiteId, string[]>> {
  const grouped: Partial<Record<SiteId, string[]>> = {};
  for (const site of SITE_IDS) {
    const handles = member.accounts
      .filter((account) => account.site === site)
      .map((account) => account.handle);
    if (handles.length > 0) grouped[site] = handles;
  }
  return grouped;
}

export interface JsonRosterMember {
  name: string;
  team?: string;
  email?: string;
  /** One handle, or a list when the teammate has several accounts on that site. */
  accounts: Partial<Record<SiteId, string | string[]>>;
}

export interface JsonRoster {
  version: 1;
  members: JsonRosterMember[];
}

/** The version 1 JSON shape of one member (no id: re-import matches by email or account). */
export function memberToJson(member: Member): JsonRosterMember {
  const accounts: JsonRosterMember['accounts'] = {};
  for (const [site, handles] of Object.entries(accountsBySite(member)) as [SiteId, string[]][]) {
    accounts[site] = handles.length === 1 ? handles[0] : handles;
  }
  return {
    name: member.name,
    ...(member.team ? { team: member.team } : {}),
    ...(member.email ? { email: member.email } : {}),
    accounts,
  };
}

export function exportJson(members: Member[]): string {
  const roster: JsonRoster = { version: 1, members: members.map(memberToJson) };
  return `${JSON.stringify(roster, null, 2)}\n`;
}

export const CSV_COLUMNS = ['name', 'team', 'email', ...SITE_IDS] as const;

/** One CSV row in CSV_COLUMNS order; several accounts on one site are joined with a space. */
export function memberToRow(member: Member): string[] {
  const bySite = accountsBySite(member);
  return [
    member.name,
    member.team ?? '',
    member.email ?? '',
    ...SITE_IDS.map((site) => (bySite[site] ?? []).join(' ')),
  ];
}

// Papa's default pattern ends in `.*$`, which misses a value whose first line starts with `=` and that has more lines.
// A leading `'` is doubled too: import drops one, so text that starts with `'` comes back as it was.
const FORMULA_START = /^[=+\-@\t\r']/;

/** CSV for spreadsheets: CRLF, quoted where needed, cells that a spreadsheet would run as a formula get a leading `'`. */
export function spreadsheetCsv(fields: readonly string[], rows: string[][]): string {
  const csv = Papa.unparse(
    { fields: [...fields], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  // Papa ends a header-only file with a line break already; end every file with exactly one.
  return `${csv.replace(/\r\n$/, '')}\r\n`;
}

export function exportCsv(members: Member[]): string {
  return spreadsheetCsv(CSV_COLUMNS, members.map(memberToRow));
}

/** Mastodon's follow import (Preferences → Import and export → Following list). */
export function exportMastodonCsv(members: Member[]): string {
  const addresses = new Set(
    members.flatMap((member) => member.accounts.filter((a) => a.site === 'mastodon').map((a) => a.handle)),
  );
  return (
    ['Account address,Show boosts', ...[...addresses].map((address) => `${address},true`)].join('\r\n') +
    '\r\n'
  );
}
