import { accountKey, type FollowRecord, type Member } from '../../utils/model';
import { SITE_IDS, type SiteId } from '../../utils/sites/index';

// The coverage matrix as data: one row per teammate, one cell per network in SITE_IDS order. Pure and O(accounts).

/** What a cell shows: a recorded follow state, or `none` where the teammate has no account on that network. */
export type CellState = 'following' | 'not-following' | 'requested' | 'unknown' | 'none';

/** Whether the teammate follows you back: only what a page or an API said, else `unknown`. */
export type FollowsYou = 'true' | 'false' | 'unknown';

/** One teammate on one network. */
export interface MatrixCell {
  site: SiteId;
  /** The teammate's handle there; absent when the state is `none`. */
  handle?: string;
  state: CellState;
  followsYou: FollowsYou;
  checkedAt?: number;
  source?: FollowRecord['source'];
}

/** One teammate and their cells, with the counts that sorting and filtering use. */
export interface MatrixRow {
  id: string;
  name: string;
  team?: string;
  cells: MatrixCell[];
  /** Accounts recorded `not-following`. */
  gaps: number;
  /** Lowercased name, team and handles, for the text filter. */
  search: string;
}

function cellOf(site: SiteId, handle: string, record: FollowRecord | undefined): MatrixCell {
  // DESIGN's hook lists no `self`: the user's own account on the roster needs no follow, so it shows as `following`.
  const state = record?.state === 'self' ? 'following' : (record?.state ?? 'unknown');
  const cell: MatrixCell = {
    site,
    handle,
    state,
    followsYou: record?.followsYou === undefined ? 'unknown' : record.followsYou ? 'true' : 'false',
  };
  if (record) {
    cell.checkedAt = record.checkedAt;
    cell.source = record.source;
  }
  return cell;
}

/** The matrix of these teammates, from the follow records keyed by `"site:handle"`. */
export function buildMatrix(members: readonly Member[], follows: readonly FollowRecord[]): MatrixRow[] {
  const bySite = new Map(follows.map((record) => [record.key, record]));
  return members.map((member) => {
    const cells = SITE_IDS.map((site): MatrixCell => {
      // A teammate with two accounts on one network shows the first (the roster's order).
      const account = member.accounts.find((a) => a.site === site);
      if (!account) return { site, state: 'none', followsYou: 'unknown' };
      return cellOf(site, account.handle, bySite.get(accountKey(site, account.handle)));
    });
    const row: MatrixRow = {
      id: member.id,
      name: member.name,
      cells,
      gaps: cells.filter((cell) => cell.state === 'not-following').length,
      search: [member.name, member.team ?? '', ...member.accounts.map((a) => a.handle)]
        .join('\n')
        .toLowerCase(),
    };
    if (member.team) row.team = member.team;
    return row;
  });
}
