import { describe, expect, it } from 'vitest';
import { type TabIntent, TabIntents } from './tab-intents';

function setup(tabs: { id: number; url: string; windowId?: number }[] = []) {
  const calls: string[] = [];
  let saved: TabIntent[] = [];
  let now = 1_000;
  const intents = new TabIntents({
    listTabs: async () => tabs,
    openTab: async (url) => {
      calls.push(`open ${url}`);
      return 99;
    },
    focusTab: async (id, windowId) => {
      calls.push(`focus ${id} in ${windowId}`);
    },
    save: async (list) => {
      saved = list;
    },
    now: () => now,
  });
  return { intents, calls, saved: () => saved, later: (ms: number) => (now += ms) };
}

describe('TabIntents', () => {
  it('opens the profile in a new active tab and remembers the intent for that profile only', async () => {
    const { intents, calls, saved } = setup();
    expect(await intents.open('x', 'alice_dev', 'follow')).toBe(99);
    expect(calls).toEqual(['open https://x.com/alice_dev']);
    expect(saved()).toMatchObject([{ tabId: 99, site: 'x', handle: 'alice_dev', kind: 'follow' }]);
    expect(intents.intentFor(99, 'x', 'alice_dev')).toBe('follow');
    expect(intents.intentFor(99, 'x', 'bob')).toBeNull();
    expect(intents.intentFor(7, 'x', 'alice_dev')).toBeNull();
  });

  it('switches to a tab that already shows the profile, whatever the URL form', async () => {
    const { intents, calls } = setup([
      { id: 3, url: 'https://github.com/octo-cat' },
      { id: 5, url: 'https://twitter.com/Alice_Dev/media', windowId: 2 },
    ]);
    expect(await intents.open('x', 'alice_dev', 'check')).toBe(5);
    expect(calls).toEqual(['focus 5 in 2']);
    expect(intents.intentFor(5, 'x', 'alice_dev')).toBe('check');
  });

  it('forgets a closed tab and an old intent', async () => {
    const { intents, later } = setup();
    await intents.open('github', 'octo-cat', 'follow');
    await intents.tabClosed(99);
    expect(intents.intentFor(99, 'github', 'octo-cat')).toBeNull();
    await intents.open('github', 'octo-cat', 'follow');
    later(31 * 60_000);
    expect(intents.intentFor(99, 'github', 'octo-cat')).toBeNull();
  });
});
