import { describe, expect, it } from 'vitest';
import { blueskyGroupMembers, parseBlueskyGroupUrl } from './group-members-bluesky';
import getListPage1 from './recorded/bluesky/getListPage1.json';
import getListPage2 from './recorded/bluesky/getListPage2.json';
import getListStarterPack from './recorded/bluesky/getListStarterPack.json';
import getStarterPack from './recorded/bluesky/getStarterPack.json';
import listNotFound from './recorded/bluesky/listNotFound.json';
import resolveHandle from './recorded/bluesky/resolveHandle.json';
import { replay } from './recorded/replay';

const DID = 'did:plc:ujzdegxdncf32epf3dhodzdo';
const XRPC = 'https://public.api.bsky.app/xrpc';

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
