import Papa from 'papaparse';
import type { Member } from '../model';
import { profileUrl, SITE_IDS, type SiteId, siteById } from '../sites/index';

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

/** The list name a teammate without a team gets in Mastodon's lists import. */
export const DEFAULT_LIST_NAME = 'Team';

/**
 * Mastodon's lists import (Preferences → Import and export → Import, "Lists"): `List name,Account address`, one row per
 * teammate's Mastodon account in the list of their team. List names are written as they are, quoted where CSV needs
 * it: the file is for Mastodon, where a formula guard would become part of the list's name.
 */
export function exportMastodonListsCsv(members: Member[]): string {
  const rows = new Map<string, string[]>();
  for (const member of members)
    for (const account of member.accounts)
      if (account.site === 'mastodon') {
        const list = member.team?.trim() || DEFAULT_LIST_NAME;
        rows.set(JSON.stringify([list, account.handle]), [list, account.handle]);
      }
  const csv = Papa.unparse(
    { fields: ['List name', 'Account address'], data: [...rows.values()] },
    { newline: '\r\n' },
  );
  return `${csv.replace(/\r\n$/, '')}\r\n`;
}

/** The heading of teammates without a team in the team tables. */
export const NO_TEAM = 'Without a team';

const teamCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** One team's teammates: `team` is the heading (NO_TEAM for teammates without one), `key` the team as stored ('' for none). */
export interface TeamGroup {
  team: string;
  key: string;
  members: Member[];
}

/** Members grouped by team, teams in reading order and the teamless last, each group in the given order. */
export function membersByTeam(members: readonly Member[]): TeamGroup[] {
  const groups = new Map<string, Member[]>();
  for (const member of members) {
    const key = member.team ?? '';
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : teamCollator.compare(a, b)))
    .map(([key, grouped]) => ({ team: key || NO_TEAM, key, members: grouped }));
}

/** The networks any of these members has an account on, in SITE_IDS order. */
function sitesIn(members: readonly Member[]): SiteId[] {
  const present = new Set(members.flatMap((member) => member.accounts.map((account) => account.site)));
  return SITE_IDS.filter((site) => present.has(site));
}

/** A profile link for a canonical handle; undefined for one the adapter refuses (never written as a link). */
function linkOf(site: SiteId, handle: string): string | undefined {
  try {
    return profileUrl(site, handle);
  } catch {
    return undefined;
  }
}

/**
 * The team table as CSV for a spreadsheet (formula-safe): name, team, and per network the profile links, which import
 * back through the site columns. Emails stay out: the table is for a team page.
 */
export function exportTeamCsv(members: Member[]): string {
  const sites = sitesIn(members);
  const rows = membersByTeam(members).flatMap((group) =>
    group.members.map((member) => {
      const bySite = accountsBySite(member);
      return [
        member.name,
        member.team ?? '',
        ...sites.map((site) =>
          (bySite[site] ?? []).map((handle) => linkOf(site, handle) ?? handle).join(' '),
        ),
      ];
    }),
  );
  return spreadsheetCsv(['name', 'team', ...sites], rows);
}

// What CommonMark and GitHub (tables, strikethrough, math) read as syntax inside a cell or a heading.
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~$]/g;

/** Text as Markdown shows it literally: syntax escaped, `&` and `<` as entities (no HTML), line breaks as spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** A handle as a Markdown link to its profile (the URL in <…>, with what would end it or split a table encoded). */
function markdownLink(site: SiteId, handle: string): string {
  const url = linkOf(site, handle);
  if (!url) return escapeMarkdown(handle);
  return `[${escapeMarkdown(handle)}](<${url.replace(/[<>|\s]/g, (char) => encodeURIComponent(char))}>)`;
}

const tableRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The roster as Markdown: one heading and one table per team, every handle a link to its profile. */
export function exportTeamMarkdown(members: Member[]): string {
  const sections = membersByTeam(members).map((group) => {
    const sites = sitesIn(group.members);
    const rows = group.members.map((member) => {
      const bySite = accountsBySite(member);
      const links = sites.map((site) =>
        (bySite[site] ?? []).map((handle) => markdownLink(site, handle)).join(', '),
      );
      return tableRow([escapeMarkdown(member.name), ...links]);
    });
    return [
      `## ${escapeMarkdown(group.team)}`,
      '',
      tableRow(['Name', ...sites.map((site) => siteById(site).name)]),
      tableRow(['---', ...sites.map(() => '---')]),
      ...rows,
    ].join('\n');
  });
  return `${sections.join('\n\n')}\n`;
}

/** The download name of a team table: `teamfollow-team-<team>` in safe letters, `teamfollow-teams` for all teams. */
export function teamFileName(team?: string): string {
  if (team === undefined) return 'teamfollow-teams';
  const slug = team
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `teamfollow-team-${slug || 'unnamed'}`;
}
