import { accountKey, type FollowRecord, type Member } from './model';
import { type FollowState, SITE_IDS, type SiteId } from './sites/index';

// What the popup shows: every teammate account with what TeamFollow knows of it. Pure and O(accounts).

export interface AccountRow {
  memberId: string;
  name: string;
  team?: string;
  site: SiteId;
  handle: string;
  state: FollowState;
  checkedAt?: number;
  source?: FollowRecord['source'];
  followsYou?: boolean;
}

export type Coverage = Record<Exclude<FollowState, 'self'>, number>;

export interface GapReport {
  teammates: number;
  accounts: number;
  /** Accounts recorded `not-following`: the gaps. */
  gaps: AccountRow[];
  /** Accounts with no evidence yet: listed apart, never counted as gaps. */
  unknown: AccountRow[];
  /** Per network, how the accounts split by state (the user's own accounts left out). */
  coverage: Partial<Record<SiteId, Coverage>>;
}

const emptyCoverage = (): Coverage => ({ following: 0, 'not-following': 0, requested: 0, unknown: 0 });

export function computeGaps(
  members: readonly Member[],
  follows: ReadonlyMap<string, FollowRecord>,
): GapReport {
  const report: GapReport = { teammates: members.length, accounts: 0, gaps: [], unknown: [], coverage: {} };
  for (const member of members) {
    for (const { site, handle } of member.accounts) {
      const record = follows.get(accountKey(site, handle));
      const state = record?.state ?? 'unknown';
      if (state === 'self') continue;
      report.accounts++;
      const coverage = report.coverage[site] ?? emptyCoverage();
      report.coverage[site] = coverage;
      coverage[state]++;
      if (state !== 'not-following' && state !== 'unknown') continue;
      const row: AccountRow = { memberId: member.id, name: member.name, site, handle, state };
      if (member.team) row.team = member.team;
      if (record)
        Object.assign(row, {
          checkedAt: record.checkedAt,
          source: record.source,
          followsYou: record.followsYou,
        });
      (state === 'unknown' ? report.unknown : report.gaps).push(row);
    }
  }
  const byNameThenSite = (a: AccountRow, b: AccountRow) =>
    a.name.localeCompare(b.name) || SITE_IDS.indexOf(a.site) - SITE_IDS.indexOf(b.site);
  report.gaps.sort(byNameThenSite);
  report.unknown.sort(byNameThenSite);
  return report;
}
