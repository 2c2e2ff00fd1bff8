import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTeamDb, putMember, type TeamDb } from '../db';
import { parsePageMessage } from '../messages';
import { answerPageMessage, type PageDeps } from './page-handlers';

let db: TeamDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openTeamDb();
  await putMember(db, {
    id: 'm1',
    name: 'Ada Quill',
    email: 'ada@example.com',
    accounts: [{ site: 'x', handle: 'adaquill' }],
    accountKeys: [],
  });
});
afterEach(() => db.close());

/** Page deps with this active tab; everything else refuses to be used. */
function depsWith(tab: { url?: string; title?: string } | undefined, mastodonHosts: string[] = []): PageDeps {
  const unused = () => {
    throw new Error('not used here');
  };
  return {
    db: async () => db,
    api: unused,
    isApiSite: (site): site is never => false,
    bulk: { start: unused, stop: unused },
    tabIntents: unused,
    refreshBadge: async () => {},
    now: () => 0,
    activeTab: async () => tab,
    mastodonHosts: async () => mastodonHosts,
  };
}

const ask = (tab: { url?: string; title?: string } | undefined, hosts?: string[]) => {
  const message = parsePageMessage({ type: 'active-profile' });
  if (!message) throw new Error('active-profile did not parse');
  return answerPageMessage(depsWith(tab, hosts), message);
};

describe('active-profile', () => {
  it('names a stranger on a profile from the tab title', async () => {
    expect(await ask({ url: 'https://x.com/AdaLind', title: '(2) Ada Lindqvist (@AdaLind) / X' })).toEqual({
      ok: true,
      profile: { site: 'x', handle: 'adalind', displayName: 'Ada Lindqvist', member: null },
    });
  });

  it('says whose profile it is when the account is on the roster, with only id and name', async () => {
    const answer = await ask({ url: 'https://twitter.com/adaquill/media', title: 'Ada (@adaquill) / X' });
    expect(answer).toMatchObject({
      ok: true,
      profile: { handle: 'adaquill', member: { id: 'm1', name: 'Ada Quill' } },
    });
    expect(JSON.stringify(answer)).not.toContain('ada@example.com');
  });

  it('answers no profile for pages that are not a person, and no tab', async () => {
    for (const url of ['https://x.com/home', 'https://example.com/@ada', 'chrome://newtab/', undefined]) {
      expect(await ask({ url, title: 'Home / X' })).toEqual({ ok: true, profile: null });
    }
    expect(await ask(undefined)).toEqual({ ok: true, profile: null });
  });

  it('reads a Mastodon profile on an instance the user added, and falls back to the handle for a name', async () => {
    expect(await ask({ url: 'https://social.example/@ada' })).toEqual({ ok: true, profile: null });
    expect(await ask({ url: 'https://social.example/@ada' }, ['social.example'])).toMatchObject({
      profile: { site: 'mastodon', handle: 'ada@social.example', displayName: 'ada@social.example' },
    });
  });

  it('refuses extra fields in the request', () => {
    expect(parsePageMessage({ type: 'active-profile', tabId: 3 })).toBeNull();
  });
});
