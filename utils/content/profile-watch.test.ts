// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentMessage } from '../messages';
import { reddit } from '../sites/reddit';
import type { PageReader } from '../sites/types';
import { type FlagView, watchProfile } from './profile-watch';

// A stand-in site (Reddit's URLs) whose page shows its state in one button, so the watcher is tested on its own.
const adapter = reddit;
const reader: PageReader = {
  readProfile: (doc, handle) => {
    const button = doc.querySelector<HTMLElement>(`button[data-profile="${handle}"]`);
    const state = (button?.dataset.state ?? 'unknown') as FlagView['state'];
    return {
      state,
      followControl: state === 'not-following' ? button : null,
      anchor: doc.querySelector('h1'),
    };
  },
};

const URL_ALICE = 'https://www.reddit.com/user/alice/';
let controller: AbortController;
let views: (FlagView | null)[];
let sent: ContentMessage[];

function ask(roster: Record<string, string>, intent?: 'follow' | 'check') {
  return async (message: ContentMessage) => {
    sent.push(message);
    if (message.type !== 'lookup') return { ok: true, recorded: true };
    const name = roster[message.handle];
    return { ok: true, member: name ? { id: message.handle, name } : null, follow: null, intent };
  };
}

function start(
  url = URL_ALICE,
  roster: Record<string, string> = { alice: 'Alice Example' },
  intent?: 'follow' | 'check',
) {
  return watchProfile({
    adapter,
    reader,
    doc: document,
    url,
    ask: ask(roster, intent),
    render: (view) => views.push(view),
    signal: controller.signal,
    settleMs: 200,
  });
}

function showButton(state: string) {
  document.body.innerHTML = `<h1>alice</h1><button data-profile="alice" data-state="${state}">x</button>`;
}

const lastView = () => views.at(-1);
const reports = () => sent.filter((m) => m.type === 'report-state');

beforeEach(() => {
  controller = new AbortController();
  views = [];
  sent = [];
  document.body.innerHTML = '<h1>alice</h1>';
});
afterEach(() => controller.abort());

describe('watchProfile', () => {
  it('does nothing at all for someone who is not on the roster', async () => {
    showButton('not-following');
    expect(await start(URL_ALICE, {})).toBeNull();
    expect(views).toEqual([]);
    expect(reports()).toEqual([]);
  });

  it("passes on only a stranger's stable id, once, where the site shows one", async () => {
    const withIds: PageReader = {
      readsStableId: true,
      readProfile: (doc, handle) => {
        const id = doc.querySelector<HTMLElement>(`[data-user-id][data-profile="${handle}"]`)?.dataset.userId;
        return { state: 'unknown', reason: 'loading', ...(id ? { stableId: id } : {}) };
      },
    };
    const watch = await watchProfile({
      adapter,
      reader: withIds,
      doc: document,
      url: URL_ALICE,
      ask: ask({}),
      render: (view) => views.push(view),
      signal: controller.signal,
      settleMs: 3000,
    });
    expect(watch).toBeNull();
    document.body.innerHTML = '<h1>alice</h1><b data-profile="alice" data-user-id="42"></b>';
    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: 2500 });
    expect(reports()[0]).toMatchObject({ handle: 'alice', stableId: '42' });
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(reports()).toHaveLength(1);
    expect(views).toEqual([]);
  });

  it('passes on, once, the account a teammate’s page says it moved to, even while the state is unknown', async () => {
    const moving: PageReader = {
      readProfile: (doc, handle) => {
        const to = doc.querySelector<HTMLElement>(`[data-moved-to][data-profile="${handle}"]`)?.dataset
          .movedTo;
        return {
          state: 'unknown',
          reason: 'other',
          anchor: doc.querySelector('h1'),
          ...(to ? { movedTo: to } : {}),
        };
      },
    };
    await watchProfile({
      adapter,
      reader: moving,
      doc: document,
      url: URL_ALICE,
      ask: ask({ alice: 'Alice Example' }),
      render: (view) => views.push(view),
      signal: controller.signal,
      settleMs: 3000,
    });
    expect(reports()).toEqual([]);
    document.body.innerHTML = '<h1>alice</h1><b data-profile="alice" data-moved-to="alice_new"></b>';
    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: 1500 });
    expect(reports()[0]).toEqual({
      type: 'report-state',
      site: 'reddit',
      handle: 'alice',
      state: 'unknown',
      movedTo: 'alice_new',
    });
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(reports()).toHaveLength(1);
  });

  it('does nothing for a page that is not a profile', async () => {
    expect(await start('https://www.reddit.com/r/programming/')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('shows unknown first, then the state once the control renders, and records it', async () => {
    await start();
    expect(lastView()?.state).toBe('unknown');
    showButton('not-following');
    await vi.waitFor(() => expect(lastView()?.state).toBe('not-following'));
    expect(lastView()?.name).toBe('Alice Example');
    expect(reports()).toEqual([
      { type: 'report-state', site: 'reddit', handle: 'alice', state: 'not-following' },
    ]);
  });

  it('says it could not tell when the page never shows a state, and why', async () => {
    await start();
    await vi.waitFor(() => expect(lastView()?.gaveUp).toBe(true));
    expect(lastView()).toMatchObject({ state: 'unknown', reason: 'other', siteName: 'Reddit' });
    // Only counted by the background (for the notice of pages no longer read), never stored as a state.
    expect(reports()).toEqual([{ type: 'report-state', site: 'reddit', handle: 'alice', state: 'unknown' }]);
  });

  it('records a follow made with the site button while the page stays', async () => {
    showButton('not-following');
    await start();
    document.querySelector('button')?.setAttribute('data-state', 'following');
    await vi.waitFor(() => expect(lastView()?.state).toBe('following'));
    expect(reports().map((m) => m.type === 'report-state' && [m.state, m.led])).toEqual([
      ['not-following', undefined],
      ['following', undefined],
    ]);
  });

  it('points at the site button, presses nothing, and records the follow the user then makes as led', async () => {
    showButton('not-following');
    const button = document.querySelector('button') as HTMLButtonElement;
    const clicks = vi.fn();
    button.addEventListener('click', clicks);
    const watch = await start();
    expect(watch?.showFollowControl()).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(lastView()).toMatchObject({ state: 'not-following', pointing: true });
    expect(clicks).not.toHaveBeenCalled();
    // The user's own click on the site's button, which the page answers.
    button.setAttribute('data-state', 'following');
    await vi.waitFor(() => expect(lastView()).toMatchObject({ state: 'following', pointing: false }));
    expect(reports().at(-1)).toMatchObject({ state: 'following', led: true });
  });

  it('says so when there is no control to point at', async () => {
    showButton('following');
    const watch = await start();
    expect(watch?.showFollowControl()).toBeNull();
    expect(lastView()?.message).toMatch(/could not find Reddit's Follow button/);
  });

  it('removes the flag and stops watching when the visit ends', async () => {
    await start();
    controller.abort();
    expect(lastView()).toBeNull();
    expect(sent.at(-1)).toEqual({ type: 'left-profile' });
    const count = views.length;
    showButton('following');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(views.length).toBe(count);
  });
});

describe('in a tab the popup opened for a follow or check', () => {
  it('points at Follow once the page shows it, and presses nothing', async () => {
    await start(URL_ALICE, { alice: 'Alice' }, 'follow');
    showButton('not-following');
    const button = document.querySelector('button') as HTMLButtonElement;
    const clicks = vi.fn();
    button.addEventListener('click', clicks);
    await vi.waitFor(() => expect(lastView()).toMatchObject({ state: 'not-following', pointing: true }));
    expect(document.activeElement).toBe(button);
    expect(clicks).not.toHaveBeenCalled();
  });

  it('only reads the state for a check', async () => {
    showButton('not-following');
    await start(URL_ALICE, { alice: 'Alice' }, 'check');
    await vi.waitFor(() => expect(lastView()?.state).toBe('not-following'));
    expect(lastView()?.pointing).toBe(false);
  });
});

describe('a label that changes in place', () => {
  it('sees a button whose text node alone changes, as React updates labels', async () => {
    // A stand-in for sites whose state is only the button's words (Instagram, TikTok, Threads, Mastodon).
    const byText: PageReader = {
      readProfile: (doc) => {
        const text = doc.querySelector('button')?.textContent;
        return {
          state: text === 'Following' ? 'following' : text === 'Follow' ? 'not-following' : 'unknown',
        };
      },
    };
    document.body.innerHTML = '<button>Follow</button>';
    await watchProfile({
      adapter,
      reader: byText,
      doc: document,
      url: URL_ALICE,
      ask: ask({ alice: 'Alice' }),
      render: (view) => views.push(view),
      signal: controller.signal,
    });
    expect(lastView()?.state).toBe('not-following');
    (document.querySelector('button')?.firstChild as Text).data = 'Following';
    await vi.waitFor(() => expect(lastView()?.state).toBe('following'), { timeout: 2000 });
  });
});

describe('cost on a busy page', () => {
  it('reads the page at most about once a second once it shows a state, however much else changes', async () => {
    showButton('following');
    const reads = vi.fn();
    const counting: PageReader = {
      readProfile: (doc, handle) => {
        reads();
        return reader.readProfile(doc, handle);
      },
    };
    await watchProfile({
      adapter,
      reader: counting,
      doc: document,
      url: URL_ALICE,
      ask: ask({ alice: 'Alice' }),
      render: (view) => views.push(view),
      signal: controller.signal,
    });
    reads.mockClear();
    // A timeline below the header: 40 changes over about 400 ms.
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      document.body.append(document.createElement('article'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // At most one read a second (a loaded machine may stretch the 400 ms of changes).
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 1000));
  });

  it('slows down the same way on a page that never shows a state, once it gave up', async () => {
    const reads = vi.fn();
    const counting: PageReader = {
      readProfile: () => {
        reads();
        return { state: 'unknown' };
      },
    };
    await watchProfile({
      adapter,
      reader: counting,
      doc: document,
      url: URL_ALICE,
      ask: ask({ alice: 'Alice' }),
      render: (view) => views.push(view),
      signal: controller.signal,
      settleMs: 50,
    });
    await vi.waitFor(() => expect(lastView()?.gaveUp).toBe(true));
    reads.mockClear();
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      document.body.append(document.createElement('article'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // At most one read a second (a loaded machine may stretch the 400 ms of changes).
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 1000));
  });
});
