import { uiLanguage } from '../../utils/i18n/index';
import type { MatrixRow } from './matrix';

// The order of the matrix's rows. Pure.

/** By name, by team (then name; no team last), or most gaps first (then name). */
export type TeamSort = 'name' | 'team' | 'gaps';

// Sorted as the UI language sorts names.
const collator = new Intl.Collator(uiLanguage(), { sensitivity: 'base', numeric: true });

/** By name as the UI language sorts them, then by id: the `name` order, for rows and teammates alike. */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

const COMPARE: Record<TeamSort, (a: MatrixRow, b: MatrixRow) => number> = {
  name: byName,
  team: (a, b) => {
    if (a.team === b.team) return byName(a, b);
    if (a.team === undefined) return 1;
    if (b.team === undefined) return -1;
    return collator.compare(a.team, b.team) || byName(a, b);
  },
  gaps: (a, b) => b.gaps - a.gaps || byName(a, b),
};

/** A sorted copy of the rows. */
export function sortMatrix(rows: readonly MatrixRow[], sort: TeamSort): MatrixRow[] {
  return [...rows].sort(COMPARE[sort]);
}
