import { hasEveryWord, queryWords } from '../../components/words';
import type { AccountRow } from '../../utils/gaps';
import { uiLanguage } from '../../utils/i18n/index';
import { SITE_IDS, type SiteId } from '../../utils/sites/index';

// The popup's filters: team, network, "doesn't follow me back" and a word query over the open rows.

export interface Filters {
  team: string;
  site: SiteId | '';
  query: string;
  /** Only accounts recorded as not following the user (followsYou === false); unknown is not a no. */
  notFollowingBack?: boolean;
}

export const NO_FILTERS: Filters = { team: '', site: '', query: '', notFollowingBack: false };

/** Whether any filter narrows the rows. */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.team !== '' || filters.site !== '' || filters.query !== '' || Boolean(filters.notFollowingBack)
  );
}

// Sorted as the UI language sorts names.
const collator = new Intl.Collator(uiLanguage(), { sensitivity: 'base', numeric: true });

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

/** Rows of the chosen team and network (and, if asked, recorded as not following back) whose name, handle or team contain every word of the query. */
export function filterRows(rows: readonly AccountRow[], filters: Filters): AccountRow[] {
  const words = queryWords(filters.query);
  if (!filters.team && !filters.site && !filters.notFollowingBack && words.length === 0)
    return rows as AccountRow[];
  return rows.filter((row) => {
    if (filters.team && row.team !== filters.team) return false;
    if (filters.site && row.site !== filters.site) return false;
    if (filters.notFollowingBack && row.followsYou !== false) return false;
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
