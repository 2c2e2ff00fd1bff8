import { uiLanguage } from '../../utils/i18n/index';
import type { SiteId } from '../../utils/sites/index';
import type { MatrixRow } from './matrix';

// Which teammates the matrix shows. Pure.

/** The filters of the team view; empty strings mean "all". */
export interface TeamFilters {
  team: string;
  site: SiteId | '';
  query: string;
  /** Only teammates recorded as not following you back (on the chosen network, if one is chosen). */
  notFollowingBack: boolean;
}

export const NO_TEAM_FILTERS: TeamFilters = { team: '', site: '', query: '', notFollowingBack: false };

/** Whether any filter is set. */
export function isFiltered(filters: TeamFilters): boolean {
  return (
    filters.team !== '' || filters.site !== '' || filters.query.trim() !== '' || filters.notFollowingBack
  );
}

/**
 * Teammates of the chosen team, with an account on the chosen network, whose name, team or handles contain every
 * word of the query; "doesn't follow me back" keeps those a page or an API said do not (unknown is not "no").
 */
export function filterMatrix(rows: readonly MatrixRow[], filters: TeamFilters): MatrixRow[] {
  const words = filters.query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^@+/, ''))
    .filter(Boolean);
  if (!isFiltered(filters)) return rows as MatrixRow[];
  return rows.filter((row) => {
    if (filters.team && row.team !== filters.team) return false;
    const cells = filters.site ? row.cells.filter((cell) => cell.site === filters.site) : row.cells;
    if (filters.site && cells.every((cell) => cell.state === 'none')) return false;
    if (filters.notFollowingBack && !cells.some((cell) => cell.followsYou === 'false')) return false;
    return words.every((word) => row.search.includes(word));
  });
}

// Sorted as the UI language sorts names.
const collator = new Intl.Collator(uiLanguage(), { sensitivity: 'base', numeric: true });

/** The teams on the roster, sorted as people read them. */
export function teamsOf(rows: readonly { team?: string }[]): string[] {
  const teams = new Set<string>();
  for (const row of rows) if (row.team) teams.add(row.team);
  return [...teams].sort(collator.compare);
}
