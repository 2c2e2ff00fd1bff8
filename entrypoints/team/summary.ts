import { SITE_IDS, type SiteId } from '../../utils/sites/index';
import type { MatrixRow } from './matrix';

// The summary row: per network, how the shown teammates' accounts split. Pure.

/** Accounts of one network by what is known of them. */
export interface NetworkSummary {
  site: SiteId;
  followed: number;
  requested: number;
  notFollowed: number;
  notChecked: number;
  /** Teammates with no account there. */
  none: number;
}

/** One summary per network, in SITE_IDS order. */
export function summarize(rows: readonly MatrixRow[]): NetworkSummary[] {
  const sums = SITE_IDS.map(
    (site): NetworkSummary => ({ site, followed: 0, requested: 0, notFollowed: 0, notChecked: 0, none: 0 }),
  );
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      const sum = sums[index] as NetworkSummary;
      if (cell.state === 'following') sum.followed++;
      else if (cell.state === 'requested') sum.requested++;
      else if (cell.state === 'not-following') sum.notFollowed++;
      else if (cell.state === 'unknown') sum.notChecked++;
      else sum.none++;
    });
  }
  return sums;
}
