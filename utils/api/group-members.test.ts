import { describe, expect, it } from 'vitest';
import { parseRoster } from '../roster/parse';
import {
  blueskyGroupMembers,
  githubOrgMembers,
  groupRoster,
  mastodonListMembers,
  mastodonLists,
  parseBlueskyGroupUrl,
} from './group-members';
import getListPage1 from './recorded/bluesky/getListPage1.json';
import getListPage2 from './recorded/bluesky/getListPage2.json';
import getListStarterPack from './recorded/bluesky/getListStarterPack.json';
import getStarterPack from './recorded/bluesky/getStarterPack.json';
import listNotFound from './recorded/bluesky/listNotFound.json';
import resolveHandle from './recorded/bluesky/resolveHandle.json';
import badCredentials from './recorded/github/badCredentials.json';
import orgNotFound from './recorded/github/orgNotFound.json';
import page1 from './recorded/github/orgPublicMembersPage1.json';
import page2 from './recorded/github/orgPublicMembersPage2.json';
import rateLimited from './recorded/github/rateLimited.json';
import userMona from './recorded/github/userMona.json';
import userNotFound from './recorded/github/userNotFound.json';
import listAccountsPage1 from './recorded/mastodon/listAccountsPage1.json';
import listAccountsPage2 from './recorded/mastodon/listAccountsPage2.json';
import lists from './recorded/mastodon/lists.json';
import { replay } from './recorded/replay';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const GH = 'https://api.github.com';
const MEMBERS = `${GH}/orgs/acme/public_members?per_page=100`;
const NEXT = { link: `<${MEMBERS}&page=2>; rel="next", <${MEMBERS}&page=2>; rel="last"` };
const DID = 'did:plc:ujzdegxdncf32epf3dhodzdo';
const XRPC = 'https://public.api.bsky.app/xrpc';

describe('GitHub organisation', () => {
  it('pages the public members by the Link header and names them from their profiles', async () => {
    const fake = replay([
      { method: 'GET', url: `${MEMBERS}&page=1`, headers: NEXT, body: page1 },
      { method: 'GET', url: `${MEMBERS}&page=2`, body: page2 },
      { method: 'GET', url: `${GH}/users/mona`, body: userMona },
      { method: 'GET', url: `${GH}/users/hubot`, status: 404, body: userNotFound },
      { method: 'GET', url: `${GH}/users/octo-lead`, body: { ...userMona, name: null } },
    ]);
    const members = await githubOrgMembers(' Acme ', { fetch: fake.fetch, token: 'ghp_x', now: () => NOW });
    expect(fake.requests()).toEqual(fake.expected());
    expect(fake.sent[0]?.headers.get('authorization')).toBe('Bearer ghp_x');
    expect(members).toEqual([
      { name: 'Mona Lisa Octocat', site: 'github', handle: 'mona' },
      { name: 'hubot', site: 'github', handle: 'hubot' },
      { name: 'octo-lead', site: 'github', handle: 'octo-lead' },
    ]);
  });

  it('stops asking for names once GitHub limits the rate: the login is the name', async () => {
    const fake = replay([
      { method: 'GET', url: `${MEMBERS}&page=1`, body: page1 },
      {
        method: 'GET',
        url: `${GH}/users/mona`,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1740834000' },
        body: rateLimited,
      },
    ]);
    const members = await githubOrgMembers('acme', { fetch: fake.fetch, now: () => NOW });
    expect(fake.requests()).toEqual(fake.expected());
    expect(members.map((member) => member.name)).toEqual(['mona', 'hubot']);
  });

  it('says when there is no such organisation, and refuses a name GitHub cannot have before asking', async () => {
    const fake = replay([{ method: 'GET', url: `${MEMBERS}&page=1`, status: 404, body: orgNotFound }]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch })).rejects.toMatchObject({ status: 404 });
    const none = replay([]);
    await expect(githubOrgMembers('a/../b', { fetch: none.fetch })).rejects.toMatchObject({ status: 400 });
    expect(none.sent).toHaveLength(0);
  });

  it('says when GitHub refuses the connected token', async () => {
    const fake = replay([{ method: 'GET', url: `${MEMBERS}&page=1`, status: 401, body: badCredentials }]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch, token: 'old' })).rejects.toThrow(
      'GitHub refused the token',
    );
  });

  it('reports the rate limit of the member list itself with when to try again', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: `${MEMBERS}&page=1`,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1740834000' },
        body: rateLimited,
      },
    ]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch, now: () => NOW })).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAt: 1740834000 * 1000,
    });
  });
});

describe('Bluesky addresses', () => {
  it.each([
    ['https://bsky.app/profile/team-lead.bsky.social/lists/3lhwyxq6xkc2k', 'list', 'team-lead.bsky.social'],
    [`https://bsky.app/profile/${DID}/lists/3lhwyxq6xkc2k`, 'list', DID],
    [
      'https://bsky.app/starter-pack/Team-Lead.bsky.social/3lhx2spack1',
      'starter-pack',
      'team-lead.bsky.social',
    ],
  ])('%s is a %s of %s', (url, kind, actor) => {
    expect(parseBlueskyGroupUrl(url)).toMatchObject({ kind, actor });
  });

  it.each([
    'https://bsky.app/profile/team-lead.bsky.social',
    'https://bsky.app/profile/team-lead.bsky.social/post/3lhwyxq6xkc2k',
    'http://bsky.app/profile/team-lead.bsky.social/lists/3lhwyxq6xkc2k',
    'https://evil.example/starter-pack/team-lead.bsky.social/3lhx2spack1',
    'https://bsky.app/starter-pack/team-lead.bsky.social/a%2Fb',
    'https://bsky.app/profile/..../lists/3lhwyxq6xkc2k',
    'not a url',
  ])('%s is refused', (url) => {
    expect(parseBlueskyGroupUrl(url)).toBeUndefined();
  });
});

describe('Bluesky list and starter pack', () => {
  const list = `at://${DID}/app.bsky.graph.list/3lhwyxq6xkc2k`;

  it('resolves the handle, pages the list by cursor, and keeps only valid handles (the DID otherwise)', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: `${XRPC}/com.atproto.identity.resolveHandle?handle=team-lead.bsky.social`,
        body: resolveHandle,
      },
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getList?list=${encodeURIComponent(list)}&limit=100`,
        body: getListPage1,
      },
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getList?list=${encodeURIComponent(list)}&limit=100&cursor=3lhwyyabc22`,
        body: getListPage2,
      },
    ]);
    const ref = parseBlueskyGroupUrl('https://bsky.app/profile/team-lead.bsky.social/lists/3lhwyxq6xkc2k');
    if (!ref) throw new Error('the list address should be read');
    const members = await blueskyGroupMembers(ref, { fetch: fake.fetch });
    expect(fake.requests()).toEqual(fake.expected());
    expect(members).toEqual([
      { name: 'Ada Quill', site: 'bluesky', handle: 'ada.bsky.social' },
      { name: 'bo.example.com', site: 'bluesky', handle: 'bo.example.com' },
      { name: 'Cy Gone', site: 'bluesky', handle: 'did:plc:44ybard66vv44zksje25o7dz' },
    ]);
  });

  it('reads a starter pack through its list, with no handle to resolve when the address has the DID', async () => {
    const packUri = `at://${DID}/app.bsky.graph.starterpack/3lhx2spack1`;
    const packList = `at://${DID}/app.bsky.graph.list/3lhx2sp0list`;
    const fake = replay([
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getStarterPack?starterPack=${encodeURIComponent(packUri)}`,
        body: getStarterPack,
      },
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getList?list=${encodeURIComponent(packList)}&limit=100`,
        body: getListStarterPack,
      },
    ]);
    const members = await blueskyGroupMembers(
      { kind: 'starter-pack', actor: DID, rkey: '3lhx2spack1' },
      { fetch: fake.fetch },
    );
    expect(fake.requests()).toEqual(fake.expected());
    expect(members).toEqual([{ name: 'Ada Quill', site: 'bluesky', handle: 'ada.bsky.social' }]);
  });

  it('says when the list does not exist', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getList?list=${encodeURIComponent(list)}&limit=100`,
        status: 400,
        body: listNotFound,
      },
    ]);
    await expect(
      blueskyGroupMembers({ kind: 'list', actor: DID, rkey: '3lhwyxq6xkc2k' }, { fetch: fake.fetch }),
    ).rejects.toThrow('Bluesky could not find that list: List not found');
  });
});

describe('Mastodon list', () => {
  const config = (fetch: ReturnType<typeof replay>['fetch']) => ({
    instance: 'mastodon.social',
    token: 'tok',
    fetch,
    now: () => NOW,
  });
  const ACCOUNTS = 'https://mastodon.social/api/v1/lists/12249/accounts?limit=80';

  it('lists the connected account’s lists with its token', async () => {
    const fake = replay([{ method: 'GET', url: 'https://mastodon.social/api/v1/lists', body: lists }]);
    expect(await mastodonLists(config(fake.fetch))).toMatchObject([
      { id: '12249', title: 'Platform team' },
      { id: '13694', title: 'Friends' },
    ]);
    expect(fake.sent[0]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('pages a list by the Link header and writes every acct as user@instance', async () => {
    const next = 'https://mastodon.social/api/v1/lists/12249/accounts?limit=80&max_id=109303';
    const fake = replay([
      { method: 'GET', url: ACCOUNTS, headers: { link: `<${next}>; rel="next"` }, body: listAccountsPage1 },
      { method: 'GET', url: next, body: listAccountsPage2 },
    ]);
    expect(await mastodonListMembers('12249', config(fake.fetch))).toEqual([
      { name: 'Alice Liddell', site: 'mastodon', handle: 'alice@mastodon.social' },
      { name: 'bob@fosstodon.org', site: 'mastodon', handle: 'bob@fosstodon.org' },
      { name: 'Carol', site: 'mastodon', handle: 'carol@hachyderm.io' },
    ]);
    expect(fake.requests()).toEqual(fake.expected());
  });

  it('never sends the token to another host named by the Link header', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: ACCOUNTS,
        headers: { link: '<https://evil.example/api/v1/lists/12249/accounts>; rel="next"' },
        body: listAccountsPage2,
      },
    ]);
    expect(await mastodonListMembers('12249', config(fake.fetch))).toHaveLength(1);
    expect(fake.requests()).toEqual(fake.expected());
  });

  it('asks the user to connect again when the token is refused', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: 'https://mastodon.social/api/v1/lists',
        status: 401,
        body: { error: 'The access token is invalid' },
      },
    ]);
    await expect(mastodonLists(config(fake.fetch))).rejects.toMatchObject({ status: 401 });
  });
});

describe('groupRoster', () => {
  it('is a version 1 JSON roster the file import reads back', () => {
    const roster = groupRoster([
      { name: 'Ada Quill', site: 'bluesky', handle: 'ada.bsky.social' },
      { name: 'mona', site: 'github', handle: 'mona' },
    ]);
    expect(roster).toEqual({
      version: 1,
      members: [
        { name: 'Ada Quill', accounts: { bluesky: 'ada.bsky.social' } },
        { name: 'mona', accounts: { github: 'mona' } },
      ],
    });
    const parsed = parseRoster(JSON.stringify(roster), 'group.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.members).toHaveLength(2);
  });
});
