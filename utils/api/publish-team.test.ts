import { beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../model';
import type { BlueskyPublisher, ListText } from './bluesky-publish';
import { ApiError, RateLimitError } from './http';
import {
  blueskyTeammates,
  type PublishDeps,
  type PublishedRefs,
  publishTeam,
  writesOf,
} from './publish-team';

const member = (name: string, accounts: Member['accounts']): Member => ({
  id: name,
  name,
  accounts,
  accountKeys: accounts.map((a) => `${a.site}:${a.handle}`),
});
const team = [
  member('Ada', [
    { site: 'bluesky', handle: 'ada.bsky.social' },
    { site: 'x', handle: 'ada' },
  ]),
  member('Bo', [{ site: 'bluesky', handle: 'bo.bsky.social' }]),
  member('Cy', [{ site: 'github', handle: 'cy' }]),
  member('Ghost', [{ site: 'bluesky', handle: 'ghost.bsky.social' }]),
];
const didOf = (handle: string) => `did:plc:${handle.split('.')[0]}`;

/** An in-memory Bluesky account: its records, and every write it took. */
function fakeBluesky() {
  const lists = new Map<string, ListText>();
  const items = new Map<string, { list: string; subject: string }>();
  const packs = new Set<string>();
  const writes: string[] = [];
  let next = 0;
  const failOn = new Map<string, Error>();
  const api: BlueskyPublisher = {
    did: async () => 'did:plc:lead',
    async resolve(handles) {
      return new Map(handles.filter((h) => !h.startsWith('ghost')).map((h) => [h, didOf(h)]));
    },
    getList: async (uri) => lists.get(uri) ?? null,
    async createList(text) {
      const uri = `at://did:plc:lead/app.bsky.graph.list/${next++}`;
      lists.set(uri, text);
      writes.push(`list ${text.name}`);
      return uri;
    },
    async updateList(uri, text) {
      lists.set(uri, text);
      writes.push(`rename ${text.name}`);
    },
    async listItems(list) {
      return new Map(
        [...items].filter(([, item]) => item.list === list).map(([uri, item]) => [item.subject, uri]),
      );
    },
    async addItem(list, subject) {
      const failure = failOn.get(subject);
      if (failure) throw failure;
      const uri = `at://did:plc:lead/app.bsky.graph.listitem/${next++}`;
      items.set(uri, { list, subject });
      writes.push(`item ${subject}`);
      return uri;
    },
    hasStarterPack: async (uri) => packs.has(uri),
    async createStarterPack(list, text) {
      const uri = `at://did:plc:lead/app.bsky.graph.starterpack/${next++}`;
      packs.add(uri);
      writes.push(`pack ${text.name} on ${list}`);
      return uri;
    },
  };
  return { api, lists, items, packs, writes, failOn };
}

let fake: ReturnType<typeof fakeBluesky>;
let saved: PublishedRefs;
let sleeps: number[];
let reported: string[];

function deps(extra: Partial<PublishDeps> = {}): PublishDeps {
  return {
    api: fake.api,
    saved,
    save: async (refs) => {
      saved = refs;
    },
    intervalMs: 2200,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onItem: (item) => reported.push(`${item.handle} ${item.status}`),
    ...extra,
  };
}

beforeEach(() => {
  fake = fakeBluesky();
  saved = {};
  sleeps = [];
  reported = [];
});

describe('blueskyTeammates', () => {
  it("lists each roster teammate's Bluesky account once, in roster order, and no one else", () => {
    const twice = member('Ada again', [{ site: 'bluesky', handle: 'ada.bsky.social' }]);
    expect(blueskyTeammates([...team, twice])).toEqual([
      { name: 'Ada', handle: 'ada.bsky.social' },
      { name: 'Bo', handle: 'bo.bsky.social' },
      { name: 'Ghost', handle: 'ghost.bsky.social' },
    ]);
  });
});

describe('publishTeam', () => {
  it('creates one list with one item per Bluesky teammate, paced and reported, then a second run changes nothing', async () => {
    const first = await publishTeam(
      team,
      { list: { name: 'Team' }, starterPack: { name: 'Join us' } },
      deps(),
    );
    expect(fake.writes).toEqual([
      'list Team',
      'item did:plc:ada',
      'item did:plc:bo',
      `pack Join us on ${first.listUri}`,
    ]);
    expect(sleeps).toEqual([2200, 2200, 2200]);
    expect(reported).toEqual([
      'ada.bsky.social added',
      'bo.bsky.social added',
      'ghost.bsky.social not-found',
    ]);
    expect(first).toMatchObject({ list: 'created', starterPack: 'created' });
    expect(writesOf(first)).toBe(4);
    expect(saved).toEqual({ listUri: first.listUri, starterPackUri: first.starterPackUri });

    fake.writes.length = 0;
    reported = [];
    const second = await publishTeam(
      team,
      { list: { name: 'Team' }, starterPack: { name: 'Join us' } },
      deps(),
    );
    expect(fake.writes).toEqual([]);
    expect(writesOf(second)).toBe(0);
    expect(second).toMatchObject({ listUri: first.listUri, list: 'unchanged', starterPack: 'unchanged' });
    expect(reported).toEqual([
      'ada.bsky.social already',
      'bo.bsky.social already',
      'ghost.bsky.social not-found',
    ]);
  });

  it('renames the list, adds a newcomer, and makes a new list when the remembered one was deleted', async () => {
    const first = await publishTeam(team, { list: { name: 'Team' } }, deps());
    fake.writes.length = 0;
    const grown = [...team, member('Di', [{ site: 'bluesky', handle: 'di.bsky.social' }])];
    const second = await publishTeam(grown, { list: { name: 'Platform', description: 'Us' } }, deps());
    expect(fake.writes).toEqual(['rename Platform', 'item did:plc:di']);
    expect(second.list).toBe('updated');

    fake.lists.delete(first.listUri);
    fake.writes.length = 0;
    const third = await publishTeam(grown, { list: { name: 'Platform' } }, deps());
    expect(third.list).toBe('created');
    expect(third.listUri).not.toBe(first.listUri);
    expect(fake.writes).toEqual(['list Platform', 'item did:plc:ada', 'item did:plc:bo', 'item did:plc:di']);
  });

  it('stops on a rate limit with the list remembered, and the next run adds only the rest', async () => {
    fake.failOn.set('did:plc:bo', new RateLimitError("Bluesky's rate limit is reached", 5000));
    const first = await publishTeam(team, { list: { name: 'Team' } }, deps());
    expect(first.stopped).toMatch(/rate limit/);
    expect(first.retryAt).toBe(5000);
    expect(saved.listUri).toBe(first.listUri);

    fake.failOn.clear();
    fake.writes.length = 0;
    await publishTeam(team, { list: { name: 'Team' } }, deps());
    expect(fake.writes).toEqual(['item did:plc:bo']);
  });

  it('reports a refused item and goes on; a refused session ends the run', async () => {
    fake.failOn.set('did:plc:ada', new ApiError('Bluesky answered HTTP 400: blocked', 400));
    const report = await publishTeam(team, { list: { name: 'Team' } }, deps());
    expect(report.items.map((item) => [item.handle, item.status, item.error])).toEqual([
      ['ada.bsky.social', 'failed', 'Bluesky answered HTTP 400: blocked'],
      ['bo.bsky.social', 'added', undefined],
      ['ghost.bsky.social', 'not-found', 'Bluesky does not know this handle'],
    ]);

    fake.failOn.set('did:plc:ada', new ApiError('Bluesky refused the sign-in', 401));
    const refused = await publishTeam(team, { list: { name: 'Team' } }, deps());
    expect(refused.stopped).toBe('Bluesky refused the sign-in');
    expect(refused.items).toEqual([]);
  });

  it('stops between items when aborted', async () => {
    const controller = new AbortController();
    const report = await publishTeam(
      team,
      { list: { name: 'Team' } },
      deps({ signal: controller.signal, onItem: () => controller.abort() }),
    );
    expect(report.items).toHaveLength(1);
    expect(report.stopped).toMatch(/Stopped/);
  });

  it('refuses a roster without Bluesky teammates before writing anything', async () => {
    await expect(publishTeam([team[2] as Member], { list: { name: 'Team' } }, deps())).rejects.toThrow(
      /Bluesky/,
    );
    expect(fake.writes).toEqual([]);
  });
});
