import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLanguage } from '../../tests/helpers/i18n';
import { closeDb, findMemberByAccount, getDb, listMembers, putMember } from '../../utils/db';
import { ROSTER_ALARM } from '../../utils/roster/subscription-refresh';
import { getOwnHandles, rosterSubscriptionItem, tabIntentsItem } from '../../utils/settings';
import background from './index';

const menus: { create?: unknown; click?: (info: unknown) => void } = {};

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  await putMember(await getDb(), {
    id: 'm1',
    name: 'Ada Quill',
    accounts: [{ site: 'reddit', handle: 'ada_quill' }],
    accountKeys: [],
  });
  // The fake browser has no permissions or scripting API: stand in for them.
  const event = { addListener: vi.fn() };
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [] });
  vi.spyOn(fakeBrowser.permissions, 'onAdded', 'get').mockReturnValue(event as never);
  vi.spyOn(fakeBrowser.permissions, 'onRemoved', 'get').mockReturnValue(event as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  menus.create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1 as never);
  vi.spyOn(fakeBrowser.contextMenus, 'onClicked', 'get').mockReturnValue({
    addListener: (listener: (info: unknown) => void) => {
      menus.click = listener;
    },
  } as never);
  background.main();
});
afterEach(async () => {
  await closeDb();
  useLanguage('en');
});

const lookup = { type: 'lookup', site: 'reddit', handle: 'ada_quill' };
const fromContentScript = {
  id: 'test-extension-id',
  frameId: 0,
  url: 'https://www.reddit.com/user/ada_quill/',
};

it('answers lookups from its own content scripts', async () => {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(lookup, fromContentScript);
  expect(answer).toMatchObject({ ok: true, member: { id: 'm1', name: 'Ada Quill' } });
});

it('ignores messages from other extensions', async () => {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(lookup, {
    ...fromContentScript,
    id: 'some-other-extension',
  });
  expect(answer).toBeUndefined();
});

it('refuses malformed messages with a reason', async () => {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'dump-roster' }, fromContentScript);
  expect(answer).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
});

it('badges the tab of a teammate you do not follow, and clears it when the tab leaves', async () => {
  const sender = { ...fromContentScript, tab: { id: 7 } as never };
  const report = {
    type: 'report-state',
    site: 'reddit',
    handle: 'ada_quill',
    state: 'not-following',
  };
  await fakeBrowser.runtime.onMessage.trigger(report, sender);
  expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('+1');
  expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
    "TeamFollow: you don't follow this teammate yet",
  );
  await fakeBrowser.runtime.onMessage.trigger({ type: 'left-profile' }, sender);
  expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
});

it("answers a stranger's lookup although Chrome throws at once on a toolbar title it refuses", async () => {
  // Chrome validates arguments before the call: a null title throws synchronously instead of rejecting.
  const setTitle = fakeBrowser.action.setTitle.bind(fakeBrowser.action);
  vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation((details) => {
    if (typeof details.title !== 'string') throw new TypeError('Error in invocation of action.setTitle');
    return setTitle(details);
  });
  await fakeBrowser.action.setTitle({ title: 'TeamFollow: 3 accounts not followed' });
  const sender = {
    ...fromContentScript,
    url: 'https://www.reddit.com/user/someone_else/',
    tab: { id: 7 } as never,
  };
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'lookup', site: 'reddit', handle: 'someone_else' },
    sender,
  );
  expect(answer).toMatchObject({ ok: true, member: null });
  expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('TeamFollow: 3 accounts not followed');
});

it('learns your own handle from your own profile page', async () => {
  const report = { type: 'report-state', site: 'reddit', handle: 'ada_quill', state: 'self' };
  await fakeBrowser.runtime.onMessage.trigger(report, fromContentScript);
  expect(await getOwnHandles('reddit')).toEqual(['ada_quill']);
});

it('tells open pages when a follow state was recorded', async () => {
  const heard = new Promise((resolve) => {
    const channel = new BroadcastChannel('teamfollow');
    channel.onmessage = (event) => {
      channel.close();
      resolve(event.data);
    };
  });
  const report = {
    type: 'report-state',
    site: 'reddit',
    handle: 'ada_quill',
    state: 'following',
  };
  await fakeBrowser.runtime.onMessage.trigger(report, fromContentScript);
  expect(await heard).toEqual({ type: 'changed', from: 'background' });
});

const fromPopup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };

it('refuses page requests (follow, follow all) that come from a content script', async () => {
  await putMember(await getDb(), {
    id: 'm2',
    name: 'Xavier',
    accounts: [{ site: 'x', handle: 'xavier' }],
    accountKeys: [],
  });
  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  for (const request of [
    { type: 'follow', site: 'x', handle: 'xavier' },
    { type: 'follow-all', site: 'bluesky', handles: ['ada.bsky.social'] },
  ]) {
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(request, fromContentScript);
    expect(answer).toMatchObject({ ok: false });
  }
  expect(create).not.toHaveBeenCalled();
});

it('takes the user to the profile in front from the popup, and logs the follow they then make there', async () => {
  await putMember(await getDb(), {
    id: 'm2',
    name: 'Xavier',
    accounts: [{ site: 'x', handle: 'xavier' }],
    accountKeys: [],
  });
  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  const [opened] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'follow', site: 'x', handle: 'xavier' },
    fromPopup,
  );
  expect(opened).toEqual({ ok: true, opened: true });
  expect(create).toHaveBeenCalledWith({ url: 'https://x.com/xavier', active: true });
  const tab = (await fakeBrowser.tabs.query({ url: 'https://x.com/xavier' }))[0];
  expect((await tabIntentsItem.getValue()).map((i) => [i.tabId, i.handle, i.kind])).toEqual([
    [tab?.id, 'xavier', 'follow'],
  ]);
  const inTab = { id: 'test-extension-id', url: 'https://x.com/xavier', tab: { id: tab?.id } as never };

  const [lookup] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'lookup', site: 'x', handle: 'xavier' },
    inTab,
  );
  expect(lookup).toMatchObject({ member: { name: 'Xavier' }, intent: 'follow' });
  // Another tab on the same profile is not told to point at anything.
  const [elsewhere] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'lookup', site: 'x', handle: 'xavier' },
    { ...inTab, tab: { id: 999 } as never },
  );
  expect(elsewhere).not.toHaveProperty('intent');

  // The user's own click on X's button, which the flag pointed at; the tab stays open.
  const followed = { type: 'report-state', site: 'x', handle: 'xavier', state: 'following', led: true };
  await fakeBrowser.runtime.onMessage.trigger(followed, inTab);
  const db = await getDb();
  expect((await db.getAll('actions')).map((a) => [a.handle, a.via, a.result])).toEqual([
    ['xavier', 'tab', 'ok'],
  ]);
  expect((await db.get('follows', 'x:xavier'))?.source).toBe('page');
  expect(await fakeBrowser.tabs.get(tab?.id as number)).toBeTruthy();

  // Asked again, the popup switches to the tab that already shows the profile instead of opening another.
  await fakeBrowser.runtime.onMessage.trigger({ type: 'check', site: 'x', handle: 'xavier' }, fromPopup);
  expect(create).toHaveBeenCalledTimes(1);
});

it('recounts the badge and redoes the popup snapshot when a page says the data changed', async () => {
  const db = await getDb();
  await db.put('follows', { key: 'reddit:ada_quill', state: 'not-following', checkedAt: 1, source: 'page' });
  const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'data-changed' }, fromPopup);
  expect(answer).toEqual({ ok: true });
  expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  expect(await fakeBrowser.action.getTitle({})).toBe('TeamFollow: 1 teammate account not followed');
  expect((await db.get('snapshot', 'gaps'))?.report.gaps.map((g) => g.handle)).toEqual(['ada_quill']);
});

it("says the badge's count in the toolbar button's title, in the UI language", async () => {
  useLanguage('de');
  const db = await getDb();
  await db.put('follows', { key: 'reddit:ada_quill', state: 'not-following', checkedAt: 1, source: 'page' });
  await fakeBrowser.runtime.onMessage.trigger({ type: 'data-changed' }, fromPopup);
  expect(await fakeBrowser.action.getTitle({})).toBe('TeamFollow: 1 Konto im Team nicht gefolgt');
  await db.put('follows', { key: 'reddit:ada_quill', state: 'following', checkedAt: 2, source: 'page' });
  await fakeBrowser.runtime.onMessage.trigger({ type: 'data-changed' }, fromPopup);
  expect(await fakeBrowser.action.getTitle({})).toBe('TeamFollow: keine bekannten Lücken');
});

it("badges Firefox's MV2 toolbar button, which is browserAction there", async () => {
  const fake = fakeBrowser as unknown as Record<string, unknown>;
  const action = fake.action;
  fake.browserAction = action;
  fake.action = undefined;
  try {
    const db = await getDb();
    await db.put('follows', {
      key: 'reddit:ada_quill',
      state: 'not-following',
      checkedAt: 1,
      source: 'page',
    });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data-changed' }, fromPopup);
  } finally {
    fake.action = action;
    delete fake.browserAction;
  }
  expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
});

it('schedules the daily refresh of a subscribed roster, and imports it when the alarm rings', async () => {
  const fetch = vi.fn(
    async () =>
      new Response('name,reddit\nAda Quill,ada_quill\nBo,bo_b\n', {
        headers: { 'content-type': 'text/csv' },
      }),
  );
  vi.stubGlobal('fetch', fetch);
  try {
    await rosterSubscriptionItem.setValue({ url: 'https://raw.example.org/roster.csv', ownPermission: true });
    const alarm = await vi.waitFor(async () => {
      const found = await fakeBrowser.alarms.get(ROSTER_ALARM);
      if (!found) throw new Error('no alarm yet');
      return found;
    });
    expect(alarm.periodInMinutes).toBe(24 * 60);
    // The start-up check may have read it already (never read before): the alarm reads it once more.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = fetch.mock.calls.length;
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await vi.waitFor(() => expect(fetch.mock.calls.length).toBe(before + 1));
    const kept = await vi.waitFor(async () => {
      const value = await rosterSubscriptionItem.getValue();
      if (!value?.last) throw new Error('not refreshed yet');
      return value;
    });
    expect(kept.last).toMatchObject({ ok: true, summary: { imported: 2 } });
    expect((await findMemberByAccount(await getDb(), 'reddit', 'bo_b'))?.name).toBe('Bo');
    expect(fetch).toHaveBeenCalledWith('https://raw.example.org/roster.csv', expect.anything());

    await rosterSubscriptionItem.setValue(null);
    await vi.waitFor(async () => {
      if (await fakeBrowser.alarms.get(ROSTER_ALARM)) throw new Error('alarm still set');
    });
  } finally {
    vi.unstubAllGlobals();
  }
});

it('takes the roster address an organisation set in managed storage as a subscription the user cannot remove', async () => {
  await fakeBrowser.storage.managed.set({
    rosterUrl: 'https://intranet.example.org/roster.csv',
    roster: JSON.stringify({ version: 1, members: [{ name: 'Cy', accounts: { reddit: 'cy_c' } }] }),
  });
  const kept = await vi.waitFor(async () => {
    const value = await rosterSubscriptionItem.getValue();
    if (!value) throw new Error('not applied yet');
    return value;
  });
  expect(kept).toEqual({
    url: 'https://intranet.example.org/roster.csv',
    ownPermission: false,
    managed: true,
  });
  await vi.waitFor(async () => {
    if (!(await findMemberByAccount(await getDb(), 'reddit', 'cy_c'))) throw new Error('not imported yet');
  });
});

it('adds the account of a profile link from the context menu, once, named from the link', async () => {
  expect(menus.create).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Add to TeamFollow', contexts: ['link'] }),
  );
  menus.click?.({
    menuItemId: 'teamfollow-add',
    linkUrl: 'https://github.com/Octo-Cat',
    linkText: 'Octo Cat',
  });
  await expect
    .poll(async () => (await listMembers(await getDb())).map((m) => [m.name, m.accountKeys]))
    .toContainEqual(['Octo Cat', ['github:octo-cat']]);
  // Someone's account already on the roster, and a link that is no profile, add nothing.
  menus.click?.({ menuItemId: 'teamfollow-add', linkUrl: 'https://www.reddit.com/user/ada_quill/' });
  menus.click?.({ menuItemId: 'teamfollow-add', linkUrl: 'https://github.com/settings' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await listMembers(await getDb())).toHaveLength(2);
});
