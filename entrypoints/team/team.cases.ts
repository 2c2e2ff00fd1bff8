import type { FollowRecord, Member } from '../../utils/model';
import type { SiteId } from '../../utils/sites/index';

// Teammates and follow records the team view's tests share.

/** A teammate with these accounts (`{ x: 'ada' }`). */
export function member(
  id: string,
  name: string,
  accounts: Partial<Record<SiteId, string>>,
  team?: string,
): Member {
  const list = Object.entries(accounts).map(([site, handle]) => ({
    site: site as SiteId,
    handle: handle as string,
  }));
  return {
    id,
    name,
    ...(team ? { team } : {}),
    accounts: list,
    accountKeys: list.map((a) => `${a.site}:${a.handle}`),
  };
}

/** A follow record seen on the page at `checkedAt`. */
export function follow(
  key: string,
  state: FollowRecord['state'],
  extra: Partial<FollowRecord> = {},
  checkedAt = Date.now(),
): FollowRecord {
  return { key, state, checkedAt, source: 'page', ...extra };
}

export const TEAM: Member[] = [
  member('a', 'Ada', { x: 'ada', github: 'ada', bluesky: 'ada.bsky.social' }, 'Platform'),
  member('b', 'Bruno', { x: 'bruno', github: 'bruno' }, 'Design'),
  member('c', 'Cleo', { x: 'cleo', mastodon: 'cleo@mastodon.social' }),
];

export const FOLLOWS: FollowRecord[] = [
  follow('x:ada', 'not-following', { followsYou: true }),
  follow('github:ada', 'following', { source: 'api' }),
  follow('bluesky:ada.bsky.social', 'not-following', { followsYou: false }),
  follow('x:bruno', 'requested'),
  follow('github:bruno', 'not-following'),
  follow('x:cleo', 'self'),
];
