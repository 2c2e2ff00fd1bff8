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
import { CHANGES_CHANNEL } from '../../utils/changes';
import { closeDb, getDb, putFollow, putMember } from '../../utils/db';
import type { FollowRecord, Member } from '../../utils/model';
import { App } from './App';
import { FOLLOWS, follow, TEAM } from './team.cases';

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

async function seed(members: Member[], follows: FollowRecord[] = []) {
  const db = await getDb();
  for (const m of members) await putMember(db, m);
  for (const record of follows) await putFollow(db, record);
}

async function openTeamView(): Promise<HTMLElement> {
  page = await mount(<App />);
  const root = page.container;
  await waitFor(() => !root.textContent?.includes('Loading…'));
  return root;
}

const cell = (root: HTMLElement, name: string, site: string) =>
  root.querySelector<HTMLElement>(`[data-member="${name}"] [data-testid="matrix-cell"][data-site="${site}"]`);
const members = (root: HTMLElement) => allByTestId(root, 'matrix-row').map((row) => row.dataset.member);

describe('team view', () => {
  it('says there is no roster yet', async () => {
    const root = await openTeamView();
    expect(byTestId(root, 'team-empty')).toBeTruthy();
  });

  it('shows every teammate with the recorded states', async () => {
    await seed(TEAM, FOLLOWS);
    const root = await openTeamView();
    expect(members(root)).toEqual(['Ada', 'Bruno', 'Cleo']);
    expect(cell(root, 'Ada', 'x')?.dataset).toMatchObject({ state: 'not-following', followsYou: 'true' });
    expect(cell(root, 'Ada', 'github')?.dataset.state).toBe('following');
    expect(cell(root, 'Bruno', 'x')?.dataset.state).toBe('requested');
    expect(cell(root, 'Cleo', 'mastodon')?.dataset.state).toBe('unknown');
    expect(cell(root, 'Cleo', 'reddit')?.dataset).toMatchObject({ state: 'none', followsYou: 'unknown' });
  });

  it('sends Follow as the popup does and says what happened', async () => {
    sendMessage.mockResolvedValue({ ok: true, opened: true });
    await seed(TEAM, FOLLOWS);
    const root = await openTeamView();
    await click(cell(root, 'Ada', 'x')?.querySelector('[data-testid="follow-button"]') ?? null);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'follow', site: 'x', handle: 'ada' });
    await waitFor(() => byTestId(root, 'announcer').textContent?.includes('Opened Ada’s X profile'));
  });

  it('sends Check for an unknown cell and shows a refusal', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'Not a valid handle.' });
    await seed(TEAM, FOLLOWS);
    const root = await openTeamView();
    await click(cell(root, 'Cleo', 'mastodon')?.querySelector('[data-testid="check-button"]') ?? null);
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'check',
      site: 'mastodon',
      handle: 'cleo@mastodon.social',
    });
    await waitFor(() => cell(root, 'Cleo', 'mastodon')?.textContent?.includes('Could not check'));
    expect(byTestId(root, 'announcer').textContent).toContain('Not a valid handle.');
  });

  it('filters and sorts', async () => {
    await seed(TEAM, FOLLOWS);
    const root = await openTeamView();
    await act(() => {
      const sort = byTestId<HTMLSelectElement>(root, 'team-sort');
      sort.value = 'gaps';
      sort.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(members(root)).toEqual(['Ada', 'Bruno', 'Cleo']);
    await click(byTestId(root, 'not-following-back'));
    expect(members(root)).toEqual(['Ada']);
    expect(byTestId(root, 'matrix-summary').textContent).toContain('1 teammate');
  });

  it('updates live when the data changes', async () => {
    await seed(TEAM, FOLLOWS);
    const root = await openTeamView();
    await putFollow(await getDb(), follow('github:bruno', 'following', { followsYou: true }));
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    channel.postMessage({ type: 'changed' });
    channel.close();
    await waitFor(() => cell(root, 'Bruno', 'github')?.dataset.state === 'following');
    expect(cell(root, 'Bruno', 'github')?.dataset.followsYou).toBe('true');
  });
});

describe('team view in the UI language', () => {
  const open = async () => {
    page = await mount(<App />);
    const root = page.container;
    await waitFor(() => root.querySelector('[data-testid="shown-count"]') !== null);
    return root;
  };
  const summaryName = (root: HTMLElement) =>
    byTestId(root, 'matrix-summary').querySelector('th')?.textContent;

  it('counts teammates with German plurals and names the states in German', async () => {
    useLanguage('de');
    await seed(TEAM, FOLLOWS);
    const root = await open();
    expect(byTestId(root, 'shown-count').textContent).toBe('3 Teammitglieder');
    expect(summaryName(root)).toBe('Übersicht3 Teammitglieder');
    expect(root.querySelector('h1')?.textContent).toBe('Teamansicht');
    expect(cell(root, 'Ada', 'github')?.querySelector('.cell-state')?.textContent).toContain('Gefolgt');
    expect(cell(root, 'Ada', 'x')?.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Ada auf X folgen',
    );
    await typeInto(byTestId<HTMLInputElement>(root, 'team-search'), 'ada');
    expect(byTestId(root, 'shown-count').textContent).toBe('1 von 3 Teammitgliedern');
    expect(summaryName(root)).toBe('Übersicht1 Teammitglied');
  });

  it('counts teammates in Japanese, one form for every count', async () => {
    useLanguage('ja');
    await seed(TEAM, FOLLOWS);
    const root = await open();
    expect(byTestId(root, 'shown-count').textContent).toBe('メンバー 3 人');
    await typeInto(byTestId<HTMLInputElement>(root, 'team-search'), 'ada');
    expect(byTestId(root, 'shown-count').textContent).toBe('メンバー 3 人中 1 人');
    expect(summaryName(root)).toBe('概要メンバー 1 人');
  });
});
