import type { FollowState, SiteId } from './sites/index';

// The things TeamFollow keeps, as plain types: pure code imports them from here, never from the storage module.

/** One account of a teammate on one network, by its canonical handle. */
export interface Account {
  site: SiteId;
  handle: string;
}

/** A teammate on the roster. */
export interface Member {
  id: string;
  name: string;
  team?: string;
  email?: string;
  accounts: Account[];
  /** `"site:handle"` for every account: the multiEntry index from a viewed profile to a teammate. */
  accountKeys: string[];
}

/** Where a follow state came from: a rendered profile, your own following list, or a network API ('action': older records). */
export type FollowSource = 'page' | 'list' | 'api' | 'action';

/** What TeamFollow last saw of one account. */
export interface FollowRecord {
  /** `"site:handle"`. */
  key: string;
  state: FollowState;
  followsYou?: boolean;
  checkedAt: number;
  source: FollowSource;
  /** The site's stable id of the account where a page or API gave it (X's numeric user id). */
  stableId?: string;
}

/** One follow TeamFollow carried out or led to, for the history. */
export interface ActionRecord {
  id?: number;
  at: number;
  site: SiteId;
  handle: string;
  kind: 'follow';
  via: 'page' | 'tab' | 'api';
  result: 'ok' | 'failed';
  detail?: string;
}

/** One account in a "Follow all" run through a network's API. */
export interface QueueItem {
  /** `"site:handle"`. */
  key: string;
  site: SiteId;
  handle: string;
  status: 'pending' | 'done' | 'failed';
  addedAt: number;
  error?: string;
}

/** `"site:handle"`, the key that joins members, follows, actions and the queue. */
export function accountKey(site: SiteId, handle: string): string {
  return `${site}:${handle}`;
}

/** The account keys of a teammate's accounts, for the `accountKeys` index. */
export function accountKeysOf(accounts: readonly Account[]): string[] {
  return accounts.map((account) => accountKey(account.site, account.handle));
}
