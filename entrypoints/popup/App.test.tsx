// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLanguage } from '../../tests/helpers/i18n';
import {
  allByTestId,
  byTestId,
  click,
  type Mounted,
  mount,
  typeInto,
  waitFor,
} from '../../tests/helpers/mount';
import { dayOf } from '../../utils/background/unreadable';
import { CHANGES_CHANNEL } from '../../utils/changes';
import { closeDb, getDb, putFollow, putMember, updateMembers } from '../../utils/db';
import type { FollowRecord, Member } from '../../utils/model';
import {
  bulkRunsItem,
  connectionsItem,
  ownHandlesItem,
  popupGroupingItem,
  unknownReasonsItem,
  unreadableItem,
} from '../../utils/settings';
import type { SiteId } from '../../utils/sites/index';
import { App } from './App';

let page: Mounted | undefined;
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  sendMessage = vi.fn(async () => ({ ok: true }));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sendMessage as never);
});

afterEach(async () => {
  page?.unmount();
  page = undefined;
  await closeDb();
  useLanguage('en');
});

type Accounts = Partial<Record<SiteId, string>>;

function member(id: string, name: string, accounts: Accounts, team?: string): Member {
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

async function seed(members: Member[], follows: Record<string, FollowRecord['state']> = {}, at = Date.now()) {
  const db = await getDb();
  for (const m of members) await putMember(db, m);
  for (const [key, state] of Object.entries(follows))
    await putFollow(db, { key, state, checkedAt: at, source: 'page' });
}

async function openPopup(): Promise<HTMLElement> {
  page = await mount(<App />);
  const root = page.container;
  await waitFor(() => !root.textContent?.includes('Loading…'));
  return root;
}

/** Tells the popup the data changed, as the background does after writing. */
async function announce(): Promise<void> {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

const gapRows = (root: HTMLElement) => allByTestId(root, 'gap-row');
const gapHandles = (root: HTMLElement) =>
  gapRows(root).map((row) => `${row.dataset.site}:${row.dataset.handle}`);
const row = (root: HTMLElement, site: string, handle: string) =>
  root.querySelector<HTMLElement>(`[data-site="${site}"][data-handle="${handle}"]`);

const team = [
  member('a', 'Ada', { x: 'ada', github: 'ada', bluesky: 'ada.bsky.social' }, 'Platform'),
  member('b', 'Bruno', { x: 'bruno', github: 'bruno' }, 'Design'),
  member('c', 'Cleo', { x: 'cleo', mastodon: 'cleo@mastodon.social' }),
];
const states: Record<string, FollowRecord['state']> = {
  'x:ada': 'not-following',
  'github:ada': 'following',
  'bluesky:ada.bsky.social': 'not-following',
  'x:bruno': 'requested',
  'github:bruno': 'not-following',
  'x:cleo': 'following',
  // mastodon:cleo@mastodon.social: never seen → unknown
};

describe('popup', () => {
  it('shows a first-run state with a way to the options when there is no roster', async () => {
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const root = await openPopup();
    const firstRun = byTestId(root, 'first-run');
    expect(allByTestId(root, 'gap-row')).toHaveLength(0);
    await click(firstRun.querySelector('button'));
    expect(openOptionsPage).toHaveBeenCalledOnce();
    await click(byTestId(root, 'open-options'));
    expect(openOptionsPage).toHaveBeenCalledTimes(2);
  });

  it('opens the team view in a tab from the footer', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const root = await openPopup();
    await click(byTestId(root, 'open-team'));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/team\.html$/), active: true });
    expect(close).toHaveBeenCalledOnce();
  });

  it('lists one row per recorded gap with its state, counts them, and lists unknowns apart', async () => {
    await seed(team, states, Date.now() - 2 * 3_600_000);
    const root = await openPopup();
    expect(byTestId(root, 'gap-count').textContent).toBe('3');
    expect(gapHandles(root).sort()).toEqual(['bluesky:ada.bsky.social', 'github:bruno', 'x:ada']);
    for (const gap of gapRows(root)) {
      expect(gap.dataset.state).toBe('not-following');
      expect(gap.querySelector('[data-testid="follow-button"]')).not.toBeNull();
    }
    const unknown = allByTestId(root, 'unknown-row');
    expect(unknown.map((r) => [r.dataset.site, r.dataset.handle, r.dataset.state])).toEqual([
      ['mastodon', 'cleo@mastodon.social', 'unknown'],
    ]);
    expect(unknown[0]?.querySelector('[data-testid="check-button"]')).not.toBeNull();
    expect(unknown[0]?.textContent).toContain('never checked');
    const ada = row(root, 'x', 'ada') as HTMLElement;
    expect(ada.textContent).toContain('Ada');
    expect(ada.textContent).toContain('not following · seen 2 hours ago on the page');
    const link = ada.querySelector('a') as HTMLAnchorElement;
    expect(link.href).toBe('https://x.com/ada');
    expect(link.target).toBe('_blank');
    expect(root.textContent).toContain('3 teammates');
    expect(root.textContent).toContain('7 accounts');
    const bar = root.querySelector('[data-site="x"] .coverage-bar');
    expect(bar?.getAttribute('aria-label')).toBe('X: 1 following, 1 not following, 1 requested');
  });

  it('renders names as text, never as HTML', async () => {
    await seed([member('h', '<img src=x onerror=alert(1)>', { x: 'h4x' })], { 'x:h4x': 'not-following' });
    const root = await openPopup();
    expect(root.querySelector('img[src="x"]')).toBeNull();
    expect(row(root, 'x', 'h4x')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('celebrates when every account is followed', async () => {
    await seed([member('a', 'Ada', { x: 'ada' })], { 'x:ada': 'following' });
    const root = await openPopup();
    byTestId(root, 'all-followed');
    expect(byTestId(root, 'gap-count').textContent).toBe('0');
  });

  it('does not celebrate while accounts are unknown', async () => {
    await seed([member('a', 'Ada', { x: 'ada' })]);
    const root = await openPopup();
    expect(root.querySelector('[data-testid="all-followed"]')).toBeNull();
    expect(byTestId(root, 'gap-count').textContent).toBe('0');
    expect(allByTestId(root, 'unknown-row')).toHaveLength(1);
  });

  it('follows a gap of a site without an API by taking you to the profile, and closes', async () => {
    sendMessage.mockResolvedValue({ ok: true, opened: true });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await seed(team, states);
    const root = await openPopup();
    await click(row(root, 'x', 'ada')?.querySelector('[data-testid="follow-button"]') ?? null);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'follow', site: 'x', handle: 'ada' });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());

    // The user's click on X's own button was recorded there: reopened, the popup shows one gap fewer.
    page?.unmount();
    await putFollow(await getDb(), {
      key: 'x:ada',
      state: 'following',
      checkedAt: Date.now(),
      source: 'page',
    });
    const again = await openPopup();
    expect(row(again, 'x', 'ada')).toBeNull();
    expect(byTestId(again, 'gap-count').textContent).toBe('2');
  });

  it('follows through a connected API in one click, and drops the row once recorded', async () => {
    await seed(team, states);
    const root = await openPopup();
    sendMessage.mockReturnValue(new Promise(() => undefined));
    await click(row(root, 'github', 'bruno')?.querySelector('[data-testid="follow-button"]') ?? null);
    expect(row(root, 'github', 'bruno')?.textContent).toContain('sending…');
    expect(row(root, 'github', 'bruno')?.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true);
    await putFollow(await getDb(), {
      key: 'github:bruno',
      state: 'following',
      checkedAt: Date.now(),
      source: 'api',
    });
    await announce();
    await waitFor(() => row(root, 'github', 'bruno') === null);
  });

  it('shows a refusal from the background on the row', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'refused: not a canonical handle' });
    await seed(team, states);
    const root = await openPopup();
    await click(row(root, 'x', 'ada')?.querySelector('[data-testid="follow-button"]') ?? null);
    const alert = await waitFor(() => row(root, 'x', 'ada')?.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe('refused: not a canonical handle');
  });

  it('right after an import says how many accounts are not checked yet, and offers the fast paths', async () => {
    await seed(team);
    await ownHandlesItem.setValue({ x: ['lead'] });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const root = await openPopup();
    expect(byTestId(root, 'unchecked-total').textContent).toContain('7 accounts not checked yet');
    expect(root.textContent).not.toContain('0 accounts not followed');
    expect(byTestId(root, 'gap-count').textContent).toBe('0');
    const lists = allByTestId(root, 'open-following-list').map((b) => b.dataset.site);
    expect(lists).toEqual(['x']);
    expect(allByTestId(root, 'tell-own-handle').map((b) => b.dataset.site)).toEqual([
      'github',
      'bluesky',
      'mastodon',
    ]);
    expect(byTestId(root, 'connect-apis').textContent).toContain('Connect GitHub, Bluesky, and Mastodon');
    await click(byTestId(root, 'open-following-list'));
    expect(create).toHaveBeenCalledWith({ url: 'https://x.com/lead/following', active: true });
  });

  it('says in words how each network splits, not by colour alone', async () => {
    await seed(team, states);
    const root = await openPopup();
    const words = root.querySelector('[data-testid="coverage-words"][data-site="x"]');
    expect(words?.textContent).toBe('1 not followed');
    const github = root.querySelector('[data-testid="coverage-words"][data-site="github"]');
    expect(github?.closest('.network')?.textContent).toMatch(/\d+\/\d+/);
  });

  it('shows a notice for a site whose teammate pages could not be read today', async () => {
    await seed(team, states);
    await unreadableItem.setValue({ day: dayOf(Date.now()), counts: { x: 3 } });
    const root = await openPopup();
    expect(byTestId(root, 'unreadable-notice').textContent).toContain(
      'TeamFollow could not read 3 X profiles today',
    );
  });

  it('says on an unchecked row why its page could not tell', async () => {
    await seed(team, states);
    await unknownReasonsItem.setValue({
      'mastodon:cleo@mastodon.social': { reason: 'signed-out', at: Date.now() },
    });
    const root = await openPopup();
    expect(row(root, 'mastodon', 'cleo@mastodon.social')?.textContent).toContain(
      'signed out of Mastodon just now',
    );
  });

  it("forgets yesterday's notice", async () => {
    await seed(team, states);
    await unreadableItem.setValue({ day: '2001-01-01', counts: { x: 3 } });
    const root = await openPopup();
    expect(root.querySelector('[data-testid="unreadable-notice"]')).toBeNull();
  });

  it('checks an unknown account', async () => {
    await seed(team, states);
    const root = await openPopup();
    await click(byTestId(root, 'check-button'));
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'check',
      site: 'mastodon',
      handle: 'cleo@mastodon.social',
    });
  });

  it('groups by teammate or network, and remembers the choice', async () => {
    await seed(team, states);
    const root = await openPopup();
    const headers = () => [...root.querySelectorAll('.group-label')].map((h) => h.textContent);
    expect(headers()).toEqual(['Ada', 'Bruno', 'Cleo']);
    const toggle = byTestId(root, 'group-toggle');
    expect(toggle.dataset.grouping).toBe('teammate');
    await click(toggle);
    await waitFor(() => byTestId(root, 'group-toggle').dataset.grouping === 'network');
    expect(headers()).toEqual(['X', 'GitHub', 'Bluesky', 'Mastodon']);
    expect(gapHandles(root)).toEqual(['x:ada', 'github:bruno', 'bluesky:ada.bsky.social']);
    await vi.waitFor(async () => expect(await popupGroupingItem.getValue()).toBe('network'));

    page?.unmount();
    const again = await openPopup();
    expect(byTestId(again, 'group-toggle').dataset.grouping).toBe('network');
  });

  it('filters by team, network and search, while the count stays the full number', async () => {
    await seed(team, states);
    const root = await openPopup();
    const teamSelect = byTestId<HTMLSelectElement>(root, 'team-filter');
    expect([...teamSelect.options].map((o) => o.value)).toEqual(['', 'Design', 'Platform']);
    await act(() => {
      teamSelect.value = 'Platform';
      teamSelect.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(gapHandles(root)).toEqual(['x:ada', 'bluesky:ada.bsky.social']);
    expect(allByTestId(root, 'unknown-row')).toHaveLength(0);
    expect(byTestId(root, 'gap-count').textContent).toBe('3');

    await act(() => {
      teamSelect.value = '';
      teamSelect.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const site = byTestId<HTMLSelectElement>(root, 'site-filter');
    await act(() => {
      site.value = 'github';
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(gapHandles(root)).toEqual(['github:bruno']);

    await act(() => {
      site.value = '';
      site.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await typeInto(byTestId<HTMLInputElement>(root, 'gap-search'), 'cleo');
    expect(gapHandles(root)).toEqual([]);
    expect(allByTestId(root, 'unknown-row')).toHaveLength(1);
    expect(root.textContent).toContain('No gaps match the filters.');
    await typeInto(byTestId<HTMLInputElement>(root, 'gap-search'), '@bruno');
    expect(gapHandles(root)).toEqual(['github:bruno']);
  });

  it('offers check-all and follow-all only on connected API networks, with a confirmation', async () => {
    await seed(team, states);
    await connectionsItem.setValue({
      bluesky: { handle: 'me.bsky.social', appPassword: 'app-pass' },
      github: { login: 'me' },
    });
    const root = await openPopup();
    expect(allByTestId(root, 'check-all').map((b) => b.dataset.site)).toEqual(['github', 'bluesky']);
    expect(allByTestId(root, 'follow-all').map((b) => b.dataset.site)).toEqual(['bluesky']);

    await click(byTestId(root, 'check-all'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'check-all', site: 'github' });

    await click(byTestId(root, 'follow-all'));
    expect(sendMessage).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'follow-all' }));
    expect(root.textContent).toContain('Follow these teammates on Bluesky, one every 10 s?');
    expect(allByTestId(root, 'follow-all-tick').map((t) => t.dataset.handle)).toEqual(['ada.bsky.social']);
    await click(byTestId(root, 'follow-all-confirm'));
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'follow-all',
      site: 'bluesky',
      handles: ['ada.bsky.social'],
    });

    await act(() =>
      bulkRunsItem.setValue({
        bluesky: {
          kind: 'follow-all',
          status: 'waiting',
          total: 12,
          done: 4,
          failed: 0,
          startedAt: Date.now(),
          waitUntil: Date.now() + 60_000,
        },
      }),
    );
    const progress = await waitFor(() =>
      root.querySelector<HTMLProgressElement>('[data-testid="bulk-progress"][data-site="bluesky"]'),
    );
    expect(progress.getAttribute('value')).toBe('4');
    expect(progress.getAttribute('max')).toBe('12');
    expect(root.textContent).toContain('Waiting for the rate limit until');
    await click(byTestId(root, 'bulk-stop'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'stop-all', site: 'bluesky' });
  });

  it('asks before following all, and cancelling sends nothing and returns focus', async () => {
    await seed(team, states);
    await connectionsItem.setValue({ github: { login: 'me', token: 'token' } });
    const root = await openPopup();
    await click(byTestId(root, 'follow-all'));
    expect(document.activeElement).toBe(byTestId(root, 'follow-all-confirm'));
    await click(byTestId(root, 'follow-all-cancel'));
    expect(root.querySelector('[data-testid="follow-all-confirm"]')).toBeNull();
    expect(document.activeElement).toBe(byTestId(root, 'follow-all'));
    // Only the popup's question on opening: which profile the active tab shows (for "Add to team").
    expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([{ type: 'active-profile' }]);
  });

  it('follows only the ticked teammates, and says GitHub lists only your own', async () => {
    const many = [
      member('a', 'Ada', { github: 'ada' }),
      member('b', 'Bruno', { github: 'bruno' }),
      member('c', 'Cleo', { github: 'cleo' }),
    ];
    await seed(many, {
      'github:ada': 'not-following',
      'github:bruno': 'not-following',
      'github:cleo': 'not-following',
    });
    await connectionsItem.setValue({ github: { login: 'me', token: 'token' } });
    const root = await openPopup();
    await click(byTestId(root, 'follow-all'));
    expect(byTestId(root, 'follow-all-review').textContent).toContain(
      'Only teammates from your roster are listed',
    );
    const bruno = root.querySelector<HTMLInputElement>(
      '[data-testid="follow-all-tick"][data-handle="bruno"]',
    );
    expect(bruno?.checked).toBe(true);
    await click(bruno);
    expect(byTestId(root, 'follow-all-confirm').textContent).toBe('Follow 2');
    await click(byTestId(root, 'follow-all-confirm'));
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'follow-all',
      site: 'github',
      handles: ['ada', 'cleo'],
    });
  });

  it('ends a run with its report: followed, already followed, skipped, failed and why', async () => {
    await seed(team, states);
    await connectionsItem.setValue({ github: { login: 'me', token: 'token' } });
    await bulkRunsItem.setValue({
      github: {
        kind: 'follow-all',
        status: 'done',
        total: 3,
        done: 2,
        failed: 1,
        startedAt: Date.now(),
        already: 1,
        skipped: 2,
        failures: [{ handle: 'bruno', error: 'GitHub refused: blocked' }],
      },
    });
    const root = await openPopup();
    expect(root.textContent).toContain(
      'Followed 2 of 3, 1 failed; 1 already followed, 2 skipped. Failed: bruno: GitHub refused: blocked',
    );
  });

  it('never offers follow-all on networks without an API, whatever is stored', async () => {
    await seed([member('a', 'Ada', { x: 'ada', linkedin: 'ada', instagram: 'ada' })], {
      'x:ada': 'not-following',
      'linkedin:ada': 'not-following',
      'instagram:ada': 'not-following',
    });
    await connectionsItem.setValue({ x: { token: 't' } } as never);
    const root = await openPopup();
    expect(allByTestId(root, 'follow-all')).toHaveLength(0);
    expect(allByTestId(root, 'check-all')).toHaveLength(0);
  });

  it('at 10,000 members shows the full count but renders only a window of rows', async () => {
    const members = Array.from({ length: 10_000 }, (_, i) =>
      member(`m${i}`, `Member ${String(i).padStart(5, '0')}`, { x: `m${i}` }),
    );
    const db = await getDb();
    await updateMembers(db, () => ({ changed: members, result: null }));
    const tx = db.transaction('follows', 'readwrite');
    for (const m of members) {
      void tx.store.put({
        key: `x:${m.accounts[0]?.handle}`,
        state: 'not-following',
        checkedAt: 1,
        source: 'page',
      });
    }
    await tx.done;
    const root = await openPopup();
    expect(byTestId(root, 'gap-count').textContent).toBe('10000');
    const rendered = gapRows(root).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(gapRows(root)[0]?.dataset.handle).toBe('m0');
  }, 30_000);
});

describe('snapshot', () => {
  it('draws first from the background snapshot, then from the data itself', async () => {
    await seed([member('a', 'Ada', { x: 'ada' })], { 'x:ada': 'following' });
    // A snapshot made before Ada was followed: the popup shows it at once, then corrects itself.
    const db = await getDb();
    const stale = { teammates: 1, accounts: 1, gaps: [], unknown: [], coverage: {} };
    const gap = {
      memberId: 'a',
      name: 'Ada',
      site: 'x' as const,
      handle: 'ada',
      state: 'not-following' as const,
    };
    await db.put('snapshot', { at: 1, report: { ...stale, gaps: [gap] } }, 'gaps');
    // A write in progress holds back the full read (IndexedDB orders the transactions): the snapshot shows first.
    const writing = db.transaction('follows', 'readwrite');
    let holding = true;
    const hold = () => {
      if (holding) writing.store.get('x:ada').then(hold);
    };
    hold();
    const root = await openPopup();
    await waitFor(() => byTestId(root, 'gap-count').textContent === '1');
    holding = false;
    await writing.done;
    await waitFor(() => byTestId(root, 'gap-count').textContent === '0');
  });

  it('hands the focus to the row now in its place when a followed row leaves, and after Follow all to its network', async () => {
    await seed(team, states);
    await connectionsItem.setValue({ github: { login: 'me', token: 'token' } });
    const root = await openPopup();
    byTestId(root, 'follow-all').focus();
    await click(byTestId(root, 'follow-all'));
    await click(byTestId(root, 'follow-all-confirm'));
    expect(document.activeElement).toBe(root.querySelector('li.network[data-site="github"]'));
    const follow = row(root, 'github', 'bruno')?.querySelector<HTMLButtonElement>(
      '[data-testid="follow-button"]',
    );
    // Gaps and unchecked accounts are one list: the row after Bruno's takes his place.
    const order = [...root.querySelectorAll<HTMLElement>('[data-focus-key]')].map(
      (el) => el.dataset.focusKey,
    );
    const next = order[order.indexOf('github:bruno') + 1] as string;
    follow?.focus();
    await click(follow ?? null);
    await putFollow(await getDb(), {
      key: 'github:bruno',
      state: 'following',
      checkedAt: Date.now(),
      source: 'api',
    });
    await announce();
    await waitFor(() => row(root, 'github', 'bruno') === null);
    const [site, handle] = [next.slice(0, next.indexOf(':')), next.slice(next.indexOf(':') + 1)];
    await waitFor(() => document.activeElement === row(root, site, handle)?.querySelector('button'));
  });
});

describe('popup in the UI language', () => {
  const tally = (root: HTMLElement) => root.querySelector('.tally')?.textContent ?? '';
  const open = async () => {
    page = await mount(<App />);
    const root = page.container;
    await waitFor(() => root.querySelector('.tally') !== null);
    return root;
  };

  it('counts teammates and accounts with German plurals and joins the networks as a German list', async () => {
    useLanguage('de');
    await seed(team);
    const root = await open();
    expect(byTestId(root, 'unchecked-total').textContent).toBe('7 Konten noch nicht geprüft');
    expect(tally(root)).toContain('3 Teammitglieder · 7 Konten');
    expect(byTestId(root, 'connect-apis').textContent).toBe(
      'GitHub, Bluesky und Mastodon verbinden und sofort prüfen',
    );
    expect(byTestId(root, 'open-team').textContent).toBe('Teamansicht');
  });

  it('says one teammate and one account in the singular, in German', async () => {
    useLanguage('de');
    await seed([member('z', 'Zoe', { x: 'zoe' })]);
    const root = await open();
    expect(byTestId(root, 'unchecked-total').textContent).toBe('1 Konto noch nicht geprüft');
    expect(tally(root)).toContain('1 Teammitglied · 1 Konto');
  });

  it('speaks Japanese: one form for every count, and a list joined with 、', async () => {
    useLanguage('ja');
    await seed(team);
    const root = await open();
    expect(tally(root)).toContain('メンバー 3 人 · 7 件のアカウント');
    expect(byTestId(root, 'connect-apis').textContent).toBe('GitHub、Bluesky、Mastodon を接続してすぐに確認');
    page?.unmount();
    await closeDb();
    globalThis.indexedDB = new IDBFactory();
    await seed([member('z', 'Zoe', { x: 'zoe' })]);
    const single = await open();
    expect(tally(single)).toContain('メンバー 1 人 · 1 件のアカウント');
  });

  it('names the gaps and their buttons in German', async () => {
    useLanguage('de');
    await seed(team, states);
    const root = await open();
    const ada = row(root, 'x', 'ada');
    expect(ada?.querySelector('button')?.getAttribute('aria-label')).toBe('Ada auf X folgen');
    expect(ada?.querySelector('.row-status')?.textContent).toBe(
      'nicht gefolgt · gerade eben auf der Seite gesehen',
    );
    expect(root.querySelector('.section-header h2')?.textContent).toContain('Nicht gefolgt');
  });
});
