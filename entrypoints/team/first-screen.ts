import type { GapReport } from '../../utils/gaps';
import { accountKey, type FollowRecord, type Member } from '../../utils/model';
import { SITE_IDS } from '../../utils/sites/index';
import { teamsOf } from './filter';
import { buildMatrix, type MatrixRow } from './matrix';
import { byName } from './sort';
import type { NetworkSummary } from './summary';

// The team view's first screen, drawn before every follow record is read: the first rows in the default order and
// the summary row from the background's snapshot. Pure.

/** Rows built for the first screen: more than a tall window shows (the grid adds no overscan before it measures). */
export const FIRST_ROWS = 30;

/**
 * Rosters from this size open in two steps. Below it one read is quicker: at 1,000 teammates building every row
 * costs a few milliseconds, less than the second step's extra round trip (measured 7–26% slower there).
 */
export const STAGED_FROM = 2_000;

/** What the first screen shows of the unfiltered roster in the `name` order. */
export interface FirstScreen {
  /** The first rows, each complete. */
  rows: MatrixRow[];
  /** How many teammates there are in all. */
  total: number;
  summaries: NetworkSummary[];
  teams: string[];
}

/** The first `count` teammates in the `name` order: one pass keeping the best so far, not a sort of everyone. */
export function firstMembers(members: readonly Member[], count = FIRST_ROWS): Member[] {
  const best: Member[] = [];
  for (const member of members) {
    const last = best[best.length - 1];
    if (best.length >= count && last && byName(member, last) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byName(best[mid] as Member, member) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, member);
    if (best.length > count) best.pop();
  }
  return best;
}

/** The keys of the follow records these teammates' cells show: the first account on each network, as the matrix. */
export function cellKeys(members: readonly Member[]): string[] {
  const keys: string[] = [];
  for (const member of members)
    for (const site of SITE_IDS) {
      const account = member.accounts.find((a) => a.site === site);
      if (account) keys.push(accountKey(site, account.handle));
    }
  return keys;
}

/**
 * The summary row of every teammate, taken from the snapshot; null when the snapshot cannot say exactly what the
 * full read will: it counts other teammates or accounts (it is stale, or an account is the user's own, which it
 * leaves out), or a teammate has two accounts on one network (the matrix counts only the first).
 */
export function summariesFromSnapshot(
  members: readonly Member[],
  report: GapReport,
): NetworkSummary[] | null {
  if (report.teammates !== members.length) return null;
  const withAccount = new Map<string, number>();
  let accounts = 0;
  for (const member of members) {
    accounts += member.accounts.length;
    const sites = new Set(member.accounts.map((a) => a.site));
    if (sites.size !== member.accounts.length) return null;
    for (const site of sites) withAccount.set(site, (withAccount.get(site) ?? 0) + 1);
  }
  if (report.accounts !== accounts) return null;
  const summaries: NetworkSummary[] = [];
  for (const site of SITE_IDS) {
    const c = report.coverage[site] ?? { following: 0, requested: 0, 'not-following': 0, unknown: 0 };
    const count = withAccount.get(site) ?? 0;
    if (c.following + c.requested + c['not-following'] + c.unknown !== count) return null;
    summaries.push({
      site,
      followed: c.following,
      requested: c.requested,
      notFollowed: c['not-following'],
      notChecked: c.unknown,
      none: members.length - count,
    });
  }
  return summaries;
}

/** The first screen from every teammate, the follow records of the first ones, and the snapshot's summary. */
export function firstScreen(
  members: readonly Member[],
  first: readonly Member[],
  follows: readonly FollowRecord[],
  summaries: NetworkSummary[],
): FirstScreen {
  return { rows: buildMatrix(first, follows), total: members.length, summaries, teams: teamsOf(members) };
}
