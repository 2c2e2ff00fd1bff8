import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFollow, openTeamDb, putFollow, putMember, type TeamDb } from '../db';
import { profileUrl } from '../sites/index';
import { handleContentMessage, type MessageContext } from './content-handlers';

let db: TeamDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb();
  await putMember(db, {
    id: 'm1',
    name: 'Ada Quill',
    team: 'Platform',
    email: 'ada@example.com',
    accounts: [
      { site: 'reddit', handle: 'ada_quill' },
      { site: 'reddit', handle: 'ada_alt' },
      { site: 'x', handle: 'ada_alt' },
    ],
    accountKeys: [],
  });
});
afterEach(() => db.close());

const NOW = () => 1_700_000_000_000;

/** The address of the page a well-behaved content script sends this message from. */
function pageOf(message: unknown): string | undefined {
  const m = message as { type?: string; site?: string; handle?: string; owner?: string } | null;
  if (m?.type === 'report-list') return `https://x.com/${m.owner}/following`;
  try {
    return m?.site && m.handle ? profileUrl(m.site as 'reddit', m.handle) : undefined;
  } catch {
    return 'https://www.reddit.com/user/someone/';
  }
}

/** The message as its own page sends it, unless the context says otherwise. */
const ask = (message: unknown, context: Partial<MessageContext> = {}) =>
  handleContentMessage(db, message, { senderUrls: [pageOf(message) ?? ''], ...context });

describe('lookup', () => {
  it('answers the teammate for any of their accounts, with only id and name', async () => {
    const answer = await ask({ type: 'lookup', site: 'reddit', handle: 'ada_alt' });
    expect(answer).toEqual({ ok: true, member: { id: 'm1', name: 'Ada Quill' }, follow: null });
    expect(JSON.stringify(answer)).not.toContain('ada@example.com');
    expect(JSON.stringify(answer)).not.toContain('Platform');
  });

  it('answers nothing for someone who is not on the roster', async () => {
    expect(await ask({ type: 'lookup', site: 'reddit', handle: 'stranger' })).toEqual({
      ok: true,
      member: null,
      follow: null,
    });
  });

  it('includes the recorded follow state', async () => {
    await putFollow(db, { key: 'reddit:ada_quill', state: 'following', checkedAt: 5, source: 'page' });
    const answer = await ask({ type: 'lookup', site: 'reddit', handle: 'ada_quill' });
    expect(answer).toMatchObject({ ok: true, follow: { state: 'following', checkedAt: 5, source: 'page' } });
  });
});

describe('report-state', () => {
  it('records the state of a teammate with the time it was seen', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'not-following',
    };
    expect(await ask({ ...message, followsYou: true }, { now: NOW })).toEqual({
      ok: true,
      recorded: true,
    });
    expect(await getFollow(db, 'reddit', 'ada_quill')).toEqual({
      key: 'reddit:ada_quill',
      state: 'not-following',
      followsYou: true,
      checkedAt: NOW(),
      source: 'page',
    });
  });

  it('stores nothing about people who are not on the roster', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'stranger',
      state: 'following',
    };
    expect(await ask(message, { now: NOW })).toEqual({ ok: true, recorded: false });
    expect(await db.count('follows')).toBe(0);
  });

  it('never lets unknown overwrite a state that was seen', async () => {
    await putFollow(db, { key: 'reddit:ada_quill', state: 'following', checkedAt: 5, source: 'page' });
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'unknown',
    };
    expect(await ask(message, { now: NOW })).toEqual({ ok: true, recorded: false });
    expect((await getFollow(db, 'reddit', 'ada_quill'))?.state).toBe('following');
  });
});

describe('refuses what a content script should not ask', () => {
  it.each([
    ['no type', { site: 'reddit', handle: 'ada_quill' }],
    ['an unknown type', { type: 'list-members' }],
    ['a write of members', { type: 'put-member', member: { id: 'x', name: 'Eve' } }],
    ['an unknown site', { type: 'lookup', site: 'myspace', handle: 'tom' }],
    ['a non-canonical handle', { type: 'lookup', site: 'reddit', handle: 'Ada_Quill' }],
    ['an invalid handle', { type: 'lookup', site: 'reddit', handle: '<script>' }],
    ['a handle that is not a string', { type: 'lookup', site: 'reddit', handle: { $gt: '' } }],
    ['extra fields', { type: 'lookup', site: 'reddit', handle: 'ada_quill', all: true }],
    ['an invalid state', { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'blocked' }],
    [
      'a source field',
      { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'following', source: 'api' },
    ],
    ['null', null],
    ['a string', 'lookup'],
  ])('%s', async (_label, message) => {
    const answer = await ask(message, { now: NOW });
    expect(answer.ok).toBe(false);
    expect(await db.count('follows')).toBe(0);
  });
});

describe('a follow TeamFollow led to', () => {
  it('is recorded as seen on the page and logged in the history', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'following',
      led: true,
    };
    expect(await ask(message, { now: NOW })).toEqual({ ok: true, recorded: true });
    expect((await getFollow(db, 'reddit', 'ada_quill'))?.source).toBe('page');
    expect(await db.getAll('actions')).toEqual([
      { id: 1, at: NOW(), site: 'reddit', handle: 'ada_quill', kind: 'follow', via: 'page', result: 'ok' },
    ]);
  });

  it('logs nothing for a state merely seen on the page', async () => {
    const message = { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'following' };
    await ask(message, { now: NOW });
    expect(await db.count('actions')).toBe(0);
  });

  it('keeps the stable id the page showed', async () => {
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'following',
      stableId: '1501234567890123456',
    };
    await ask(message, { now: NOW });
    expect((await getFollow(db, 'reddit', 'ada_quill'))?.stableId).toBe('1501234567890123456');
  });
});

describe('renamed handles', () => {
  const report = (handle: string, stableId?: string) => ({
    type: 'report-state',
    site: 'x',
    handle,
    state: 'not-following',
    ...(stableId ? { stableId } : {}),
  });

  async function seen(message: unknown) {
    const suggestRename = vi.fn(async () => undefined);
    const answer = await ask(message, { now: NOW, suggestRename });
    return { answer, suggestRename };
  }

  it('suggests a rename when a handle not on the roster shows the stable id kept for a teammate', async () => {
    await ask(report('ada_alt', '42'), { now: NOW });
    const { answer, suggestRename } = await seen(report('ada_new', '42'));
    expect(answer).toEqual({ ok: true, recorded: false });
    expect(suggestRename).toHaveBeenCalledWith({
      site: 'x',
      from: 'ada_alt',
      to: 'ada_new',
      memberId: 'm1',
      memberName: 'Ada Quill',
      stableId: '42',
      seenAt: NOW(),
    });
    // Nothing is recorded about the new handle until the user says so.
    expect(await getFollow(db, 'x', 'ada_new')).toBeUndefined();
  });

  it.each([
    ['no stable id on the page', report('ada_new')],
    ['a stable id nobody on the roster has', report('ada_new', '99')],
    ['the same handle again', report('ada_alt', '42')],
  ])('suggests nothing for %s', async (_label, message) => {
    await ask(report('ada_alt', '42'), { now: NOW });
    expect((await seen(message)).suggestRename).not.toHaveBeenCalled();
  });

  it('never suggests for a stable id kept on another site', async () => {
    await putFollow(db, {
      key: 'reddit:ada_quill',
      state: 'following',
      checkedAt: 1,
      source: 'page',
      stableId: '42',
    });
    expect((await seen(report('ada_new', '42'))).suggestRename).not.toHaveBeenCalled();
  });

  it('never suggests when the new handle is already a teammate (two people are not merged)', async () => {
    await putMember(db, { id: 'm2', name: 'Bo', accounts: [{ site: 'x', handle: 'bo' }], accountKeys: [] });
    await ask(report('ada_alt', '42'), { now: NOW });
    const { answer, suggestRename } = await seen(report('bo', '42'));
    expect(answer).toEqual({ ok: true, recorded: true });
    expect(suggestRename).not.toHaveBeenCalled();
  });
});

describe('stable ids of other sites', () => {
  const did = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
  const report = (handle: string, stableId: string) => ({
    type: 'report-state',
    site: 'bluesky',
    handle,
    state: 'following',
    stableId,
  });

  it('recognises a renamed Bluesky account by its DID', async () => {
    await putMember(db, {
      id: 'm2',
      name: 'Bo',
      accounts: [{ site: 'bluesky', handle: 'bo.bsky.social' }],
      accountKeys: [],
    });
    await ask(report('bo.bsky.social', did), { now: NOW });
    expect((await getFollow(db, 'bluesky', 'bo.bsky.social'))?.stableId).toBe(did);
    const suggestRename = vi.fn(async () => undefined);
    await ask(report('bo.example.com', did), { now: NOW, suggestRename });
    expect(suggestRename).toHaveBeenCalledWith(
      expect.objectContaining({
        site: 'bluesky',
        from: 'bo.bsky.social',
        to: 'bo.example.com',
        stableId: did,
      }),
    );
  });

  it.each([['did:plc:short'], ['did:key:z6Mk'], ['<b>42</b>'], ['did:web:evil.example/path']])(
    'refuses a stable id of no known form: %s',
    async (stableId) => {
      expect(await ask(report('bo.bsky.social', stableId), { now: NOW })).toMatchObject({ ok: false });
    },
  );
});

describe('moved accounts', () => {
  const BO = {
    id: 'm2',
    name: 'Bo',
    accounts: [{ site: 'mastodon' as const, handle: 'bo@mastodon.social' }],
  };
  const report = (movedTo: string, state = 'following') => ({
    type: 'report-state',
    site: 'mastodon',
    handle: 'bo@mastodon.social',
    state,
    movedTo,
  });

  async function seen(message: unknown) {
    const suggestRename = vi.fn(async () => undefined);
    const answer = await ask(message, { now: NOW, suggestRename });
    return { answer, suggestRename };
  }

  beforeEach(async () => {
    await putMember(db, { ...BO, accountKeys: [] });
  });

  it.each([['following'], ['unknown']])(
    'offers the new account of a teammate whose page says it moved (page %s)',
    async (state) => {
      const { suggestRename } = await seen(report('bo@hachyderm.io', state));
      expect(suggestRename).toHaveBeenCalledWith({
        site: 'mastodon',
        from: 'bo@mastodon.social',
        to: 'bo@hachyderm.io',
        memberId: 'm2',
        memberName: 'Bo',
        kind: 'moved',
        seenAt: NOW(),
      });
    },
  );

  it.each([
    ['a handle the site cannot have', 'bo@x.com'],
    ['no canonical handle', 'Bo@Hachyderm.io'],
    ['the same account', 'bo@mastodon.social'],
  ])('offers nothing for %s', async (_label, movedTo) => {
    expect((await seen(report(movedTo))).suggestRename).not.toHaveBeenCalled();
  });

  it('offers nothing when the new account is another teammate’s (two people are not merged)', async () => {
    await putMember(db, {
      id: 'm3',
      name: 'Cy',
      accounts: [{ site: 'mastodon', handle: 'cy@hachyderm.io' }],
      accountKeys: [],
    });
    expect((await seen(report('cy@hachyderm.io'))).suggestRename).not.toHaveBeenCalled();
  });

  it('listens to no stranger’s page about moving', async () => {
    const stranger = { ...report('zed@hachyderm.io'), handle: 'zed@mastodon.social' };
    expect((await seen(stranger)).suggestRename).not.toHaveBeenCalled();
  });
});

describe('a page speaks only for itself', () => {
  const report = { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'following' };

  it.each([
    ['another site', 'https://x.com/ada_quill'],
    ['another profile of the site', 'https://www.reddit.com/user/ada_alt/'],
    ['a page that is no profile', 'https://www.reddit.com/r/programming/'],
    ['a lookalike host', 'https://www.reddit.com.evil.example/user/ada_quill/'],
    ['no address at all', undefined],
  ])('refuses a report sent from %s', async (_label, url) => {
    const senderUrls = url ? [url] : [];
    expect((await ask(report, { now: NOW, senderUrls })).ok).toBe(false);
    expect((await ask({ ...report, state: 'self' }, { now: NOW, senderUrls })).ok).toBe(false);
    expect((await ask({ type: 'lookup', site: 'reddit', handle: 'ada_quill' }, { senderUrls })).ok).toBe(
      false,
    );
    expect(await db.count('follows')).toBe(0);
  });

  it("takes the tab's address, which follows a client-side navigation the frame's address may not have", async () => {
    const senderUrls = [
      'https://www.reddit.com/user/someone_else/',
      'https://www.reddit.com/user/ada_quill/',
    ];
    expect(await ask(report, { now: NOW, senderUrls })).toEqual({ ok: true, recorded: true });
  });

  it('takes the profile shown in any URL form of its own page', async () => {
    const answer = await ask(report, {
      now: NOW,
      senderUrls: ['https://old.reddit.com/u/Ada_Quill/comments/'],
    });
    expect(answer).toEqual({ ok: true, recorded: true });
  });

  it('counts an unreadable page (layout) without recording anything', async () => {
    const counted: string[] = [];
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'unknown',
      reason: 'layout',
    };
    expect(await ask(message, { countUnreadable: async (site) => void counted.push(site) })).toEqual({
      ok: true,
      recorded: false,
    });
    expect(counted).toEqual(['reddit']);
    expect(await db.count('follows')).toBe(0);
  });

  it('remembers why a teammate page could not tell, and nothing for strangers', async () => {
    const noted: string[] = [];
    const noteUnknown = async (site: string, handle: string, reason: string) =>
      void noted.push(`${site}:${handle} ${reason}`);
    const message = {
      type: 'report-state',
      site: 'reddit',
      handle: 'ada_quill',
      state: 'unknown',
      reason: 'signed-out',
    };
    await ask(message, { noteUnknown });
    await ask({ ...message, handle: 'stranger' }, { noteUnknown });
    expect(noted).toEqual(['reddit:ada_quill signed-out']);
  });
});

describe('report-list', () => {
  const own = { now: NOW, ownHandles: async () => ['lead'] };
  const list = (owner: string, handles: string[]) => ({
    type: 'report-list',
    site: 'x',
    owner,
    handles,
  });

  it('records teammates in your own following list as followed, and no one else', async () => {
    const answer = await ask(list('lead', ['ada_alt', 'stranger', 'ada_alt']), own);
    expect(answer).toEqual({ ok: true, recorded: true });
    expect(await db.getAll('follows')).toEqual([
      { key: 'x:ada_alt', state: 'following', checkedAt: NOW(), source: 'list' },
    ]);
  });

  it('ignores the following list of someone else', async () => {
    expect(await ask(list('someone', ['ada_alt']), own)).toEqual({
      ok: true,
      recorded: false,
    });
    expect(await db.count('follows')).toBe(0);
  });

  it('refuses a list sent from a page that is not that list', async () => {
    const answer = await ask(list('lead', ['ada_alt']), { ...own, senderUrls: ['https://x.com/lead'] });
    expect(answer.ok).toBe(false);
    expect(await db.count('follows')).toBe(0);
  });

  it('refuses lists with invalid handles or too many entries', async () => {
    expect((await ask(list('lead', ['<b>x</b>']), own)).ok).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => `user${i}`);
    expect((await ask(list('lead', many), own)).ok).toBe(false);
    expect(await db.count('follows')).toBe(0);
  });
});

describe('load-reader', () => {
  const loadFrom = async (senderUrls: string[], injected = true) => {
    const injectReader = vi.fn(async () => injected);
    const answer = await handleContentMessage(db, { type: 'load-reader' }, { senderUrls, injectReader });
    return { answer, injectReader };
  };

  it("injects the reader of the site whose profile or following list the sender's page shows", async () => {
    for (const [url, site] of [
      ['https://x.com/ada_alt', 'x'],
      ['https://x.com/ada_alt/following', 'x'],
      ['https://github.com/octocat', 'github'],
      ['https://social.example/@ada', 'mastodon'],
    ] as const) {
      const { answer, injectReader } = await loadFrom([url]);
      expect(answer.ok, url).toBe(true);
      expect(injectReader).toHaveBeenCalledWith(site);
    }
  });

  it("takes the tab's address when the frame's still shows the page before a client-side navigation", async () => {
    const { injectReader } = await loadFrom(['https://x.com/home', 'https://x.com/ada_alt']);
    expect(injectReader).toHaveBeenCalledWith('x');
  });

  it('injects nothing into a page that shows neither, and says when the browser would not', async () => {
    const timeline = await loadFrom(['https://x.com/home']);
    expect(timeline.answer.ok).toBe(false);
    expect(timeline.injectReader).not.toHaveBeenCalled();
    expect((await loadFrom([])).injectReader).not.toHaveBeenCalled();
    const refused = await loadFrom(['https://x.com/ada_alt'], false);
    expect(refused.answer).toEqual({ ok: false, error: expect.stringContaining('could not be injected') });
  });

  it('takes no other field: the page chooses no file', async () => {
    const injectReader = vi.fn(async () => true);
    const answer = await handleContentMessage(
      db,
      { type: 'load-reader', file: 'background.js' },
      { senderUrls: ['https://x.com/ada_alt'], injectReader },
    );
    expect(answer.ok).toBe(false);
    expect(injectReader).not.toHaveBeenCalled();
  });
});
