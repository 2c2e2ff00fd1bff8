import { hasEveryWord, queryWords, relativeTime } from '../../components/words';
import { type ApiSite, isApiSite } from '../../utils/api/networks';
import type { AccountRow, Coverage } from '../../utils/gaps';
import type { BulkRun, Connections } from '../../utils/settings';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';

// The popup's pure logic: filtering, grouping, windowing math and the words it shows. No browser API.

export type Grouping = 'teammate' | 'network';
export type Section = 'gaps' | 'unknown';

export interface Filters {
  team: string;
  site: SiteId | '';
  query: string;
}

export const NO_FILTERS: Filters = { team: '', site: '', query: '' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Lowercased search text per row object (rows are rebuilt on every data change, so the cache follows them).
const searchText = new WeakMap<AccountRow, string>();

function searchTextOf(row: AccountRow): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = `${row.name}\n${row.handle}\n${row.team ?? ''}`.toLowerCase();
    searchText.set(row, text);
  }
  return text;
}

/** Rows of the chosen team and network whose name, handle or team contain every word of the query. */
export function filterRows(rows: readonly AccountRow[], filters: Filters): AccountRow[] {
  const words = queryWords(filters.query);
  if (!filters.team && !filters.site && words.length === 0) return rows as AccountRow[];
  return rows.filter((row) => {
    if (filters.team && row.team !== filters.team) return false;
    if (filters.site && row.site !== filters.site) return false;
    if (words.length === 0) return true;
    return hasEveryWord(searchTextOf(row), words);
  });
}

/** The teams that have open rows, sorted as people read them. */
export function teamsOf(...lists: readonly (readonly AccountRow[])[]): string[] {
  const teams = new Set<string>();
  for (const rows of lists) for (const row of rows) if (row.team) teams.add(row.team);
  return [...teams].sort(collator.compare);
}

/** The networks that have open rows, in the registry's order. */
export function sitesOf(...lists: readonly (readonly AccountRow[])[]): SiteId[] {
  const present = new Set<SiteId>();
  for (const rows of lists) for (const row of rows) present.add(row.site);
  return SITE_IDS.filter((site) => present.has(site));
}

/** What the windowed list shows, one fixed height per kind. Rows carry no key string: see itemKey. */
export type ListItem =
  | { kind: 'section'; key: string; section: Section; shown: number; total: number }
  | {
      kind: 'group';
      key: string;
      section: Section;
      label: string;
      team?: string;
      site?: SiteId;
      count: number;
    }
  | { kind: 'row'; section: Section; row: AccountRow }
  | { kind: 'note'; key: string; section: Section; text: string };

/** Fixed heights (px) per kind of item: what makes windowing a binary search. Keep in sync with style.css. */
export const ITEM_HEIGHT: Record<ListItem['kind'], number> = { section: 40, group: 30, row: 48, note: 36 };

/** A stable key per item, built only for the items on screen (10,000 rows need no 10,000 key strings). */
export function itemKey(item: ListItem): string {
  return item.kind === 'row' ? `${item.section}:${item.row.site}:${item.row.handle}` : item.key;
}

/** Rows grouped under headers: by teammate (rows come sorted by name) or by network (registry order). */
function groupItems(rows: readonly AccountRow[], section: Section, grouping: Grouping): ListItem[] {
  const items: ListItem[] = [];
  let ordered = rows;
  if (grouping === 'network') {
    const bySite = new Map<SiteId, AccountRow[]>(SITE_IDS.map((site) => [site, []]));
    for (const row of rows) bySite.get(row.site)?.push(row);
    ordered = [...bySite.values()].flat();
  }
  let header: Extract<ListItem, { kind: 'group' }> | null = null;
  let current: string | null = null;
  for (const row of ordered) {
    const group = grouping === 'network' ? row.site : row.memberId;
    if (!header || group !== current) {
      current = group;
      header =
        grouping === 'network'
          ? {
              kind: 'group',
              key: `${section}:g:${group}`,
              section,
              label: siteById(row.site).name,
              site: row.site,
              count: 0,
            }
          : { kind: 'group', key: `${section}:g:${group}`, section, label: row.name, count: 0 };
      if (grouping === 'teammate' && row.team) header.team = row.team;
      items.push(header);
    }
    header.count++;
    items.push({ kind: 'row', section, row });
  }
  return items;
}

/**
 * The flat list the popup windows over: the gaps section, then the unknown section (only when it has rows).
 * `totals` are the unfiltered counts, for "3 of 12".
 */
export function buildItems(
  gaps: readonly AccountRow[],
  unknown: readonly AccountRow[],
  grouping: Grouping,
  totals: { gaps: number; unknown: number },
): ListItem[] {
  const items: ListItem[] = [];
  if (totals.gaps > 0 || totals.unknown === 0) {
    items.push({ kind: 'section', key: 'gaps', section: 'gaps', shown: gaps.length, total: totals.gaps });
    if (gaps.length === 0)
      items.push({
        kind: 'note',
        key: 'gaps:none',
        section: 'gaps',
        text: totals.gaps > 0 ? 'No gaps match the filters.' : 'No known gaps.',
      });
    items.push(...groupItems(gaps, 'gaps', grouping));
  }
  if (totals.unknown > 0) {
    items.push({
      kind: 'section',
      key: 'unknown',
      section: 'unknown',
      shown: unknown.length,
      total: totals.unknown,
    });
    if (unknown.length === 0)
      items.push({ kind: 'note', key: 'unknown:none', section: 'unknown', text: 'None match the filters.' });
    items.push(...groupItems(unknown, 'unknown', grouping));
  }
  return items;
}

/** Top offset of every item, plus the total height as the last entry. */
export function layout(items: readonly ListItem[]): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++)
    offsets[i + 1] = (offsets[i] ?? 0) + ITEM_HEIGHT[(items[i] as ListItem).kind];
  return offsets;
}

/** The first index whose item ends after `y`. */
function firstEndingAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Items [start, end) that intersect the viewport [top, top + height), widened by `overscan` px each way. */
export function visibleRange(
  offsets: Float64Array,
  top: number,
  height: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = firstEndingAfter(offsets, Math.max(0, top - overscan));
  const bottom = top + height + overscan;
  let end = firstEndingAfter(offsets, bottom);
  if (end < count && (offsets[end] ?? 0) < bottom) end++;
  return { start: Math.min(start, count), end: Math.max(Math.min(end, count), Math.min(start, count)) };
}

const SOURCE_WORDS: Record<NonNullable<AccountRow['source']>, [verb: string, where: string]> = {
  page: ['seen', 'on the page'],
  list: ['seen', 'in your following list'],
  api: ['checked', 'through the API'],
  action: ['recorded', 'after a follow'],
};

/** What TeamFollow knows of an account: "not following · seen 2 h ago on the page", or "never checked". */
export function describeKnowledge(row: AccountRow, now: number): string {
  const parts: string[] = [];
  if (row.state === 'not-following') parts.push('not following');
  if (row.checkedAt === undefined) parts.push('never checked');
  else {
    const [verb, where] = SOURCE_WORDS[row.source ?? 'page'];
    parts.push(`${verb} ${relativeTime(row.checkedAt, now)} ${where}`);
  }
  if (row.followsYou) parts.push('follows you');
  return parts.join(' · ');
}

const COVERAGE_WORDS: [keyof Coverage, string][] = [
  ['following', 'following'],
  ['not-following', 'not following'],
  ['requested', 'requested'],
  ['unknown', 'unknown'],
];

/** Accessible text of a coverage bar: "GitHub: 5 following, 2 not following, 1 unknown". */
export function coverageLabel(siteName: string, coverage: Coverage): string {
  const parts = COVERAGE_WORDS.filter(([state]) => coverage[state] > 0).map(
    ([state, words]) => `${coverage[state]} ${words}`,
  );
  return `${siteName}: ${parts.length ? parts.join(', ') : 'no accounts'}`;
}

/** The coverage in words, not colour alone: "3 followed · 1 not followed · 2 not checked". */
export function coverageWords(coverage: Coverage): string {
  const followed = coverage.following + coverage.requested;
  return [
    `${formatCount(followed)} followed`,
    `${formatCount(coverage['not-following'])} not followed`,
    `${formatCount(coverage.unknown)} not checked`,
  ].join(' · ');
}

/** Whether the network is connected through its API (checking works). */
export function canCheckAll(site: SiteId, connections: Connections): site is ApiSite {
  return isApiSite(site) && Boolean(connections[site]);
}

/** Whether following through the API is possible: the user gave the credential that follows. Never for other sites. */
export function canFollowAll(site: SiteId, connections: Connections): site is ApiSite {
  if (site === 'bluesky') return Boolean(connections.bluesky?.appPassword);
  if (site === 'github') return Boolean(connections.github?.token);
  if (site === 'mastodon') return Boolean(connections.mastodon?.token);
  return false;
}

export function isActive(run: BulkRun | undefined): boolean {
  return run?.status === 'running' || run?.status === 'waiting';
}

/** 12,345: thousands separated without Intl, whose first use costs tens of ms while the popup opens. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The line under a bulk run's progress bar. `clock` formats a time of day. */
export function bulkStatusText(run: BulkRun, siteName: string, clock: (at: number) => string): string {
  const doing = run.kind === 'follow-all' ? 'Following' : 'Checking';
  const progress = `${formatCount(run.done)} of ${formatCount(run.total)}`;
  const failed = run.failed > 0 ? `, ${formatCount(run.failed)} failed` : '';
  switch (run.status) {
    case 'running':
      return `${doing} on ${siteName}: ${progress}${failed}`;
    case 'waiting':
      return run.waitUntil
        ? `Waiting for the rate limit until ${clock(run.waitUntil)} (${progress})`
        : `Waiting for the rate limit (${progress})`;
    case 'stopped':
      return `Stopped after ${progress}${failed}${runReport(run)}`;
    case 'done':
      return `${run.kind === 'follow-all' ? 'Followed' : 'Checked'} ${progress}${failed}${runReport(run)}`;
    case 'failed':
      return run.message ? `Stopped: ${run.message}` : `Stopped by an error after ${progress}`;
  }
}

/** The end of a "Follow all" report: who was followed already, who was skipped, who failed and why. */
function runReport(run: BulkRun): string {
  if (run.kind !== 'follow-all') return '';
  const parts: string[] = [];
  if (run.already) parts.push(`${formatCount(run.already)} already followed`);
  if (run.skipped) parts.push(`${formatCount(run.skipped)} skipped`);
  const failures = (run.failures ?? []).map((f) => `${f.handle}: ${f.error}`);
  const said = parts.length ? `; ${parts.join(', ')}` : '';
  return failures.length ? `${said}. Failed: ${failures.join('; ')}` : said;
}
