// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allByTestId, byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import * as db from '../../utils/db';
import type { FollowRecord, Member } from '../../utils/model';
import { App } from './App';
import { FIRST_ROWS, STAGED_FROM } from './first-screen';
import { follow, member } from './team.cases';

// The opening read of a large roster in two steps: the first screen, then every follow record.

// The full read of the follow records waits for `release()` in these tests.
let release: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
vi.mock('../../utils/db', async (original) => {
  const actual = await original<typeof import('../../utils/db')>();
  return {
    ...actual,
    listFollows: vi.fn(async (database: db.TeamDb) => {
      await gate;
      return actual.listFollows(database);
    }),
  };
});

let page: Mounted | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(db.listFollows).mockClear();
  gate = new Promise<void>((go) => {
    release = go;
  });
  globalThis.indexedDB = new IDBFactory();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
});

afterEach(async () => {
  release();
  page?.unmount();
  page = undefined;
  await db.closeDb();
});

// A roster that opens in two steps: "User 0001" to "User 2000", each on X and GitHub.
const N = STAGED_FROM;
const pad = (i: number) => String(i).padStart(4, '0');
const ROSTER: Member[] = Array.from({ length: N }, (_, k) => {
  const i = N - k; // stored in reverse, so the name order is the view's own work
  return member(`m${pad(i)}`, `User ${pad(i)}`, { x: `u${i}`, github: `u-${i}` }, i % 2 ? 'Odd' : 'Even');
});
const RECORDS: FollowRecord[] = ROSTER.map((_, k) => {
  const i = N - k;
  return follow(`x:u${i}`, i % 3 ? 'following' : 'not-following', { followsYou: i !== 2 });
});

async function seed(snapshot: 'current' | 'stale' | 'none') {
  const database = await db.getDb();
  await db.updateMembers(database, () => ({ changed: ROSTER, result: null }));
  const tx = database.transaction('follows', 'readwrite');
  await Promise.all([...RECORDS.map((record) => tx.store.put(record)), tx.done]);
  if (snapshot === 'none') return;
  await db.refreshSnapshot(database);
  // A teammate added since the background's snapshot.
  if (snapshot === 'stale') await db.putMember(database, member('new', 'Zoe', { x: 'zoe' }));
}

const grid = (root: HTMLElement) => byTestId(root, 'coverage-matrix');
const names = (root: HTMLElement) => allByTestId(root, 'matrix-row').map((row) => row.dataset.member);
const xCell = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-member="${name}"] [data-testid="matrix-cell"][data-site="x"]`);
const summary = (root: HTMLElement, site: string) =>
  root.querySelector<HTMLElement>(`[data-testid="summary-cell"][data-site="${site}"]`)?.dataset;

async function open(): Promise<HTMLElement> {
  page = await mount(<App />);
  return page.container;
}

describe('team view, opening a large roster', () => {
  it('draws the first rows and the summary before every follow record is read', async () => {
    await seed('current');
    const root = await open();
    await waitFor(() => root.querySelector('[data-testid="matrix-row"]'));
    expect(grid(root).getAttribute('aria-rowcount')).toBe(String(N + 2));
    expect(grid(root).getAttribute('aria-busy')).toBe('true');
    const first = names(root);
    expect(first[0]).toBe('User 0001');
    expect(first).toEqual([...first].sort());
    expect(first.length).toBeLessThanOrEqual(FIRST_ROWS);
    expect(xCell(root, 'User 0003')?.dataset).toMatchObject({ state: 'not-following', followsYou: 'true' });
    expect(xCell(root, 'User 0002')?.dataset).toMatchObject({ state: 'following', followsYou: 'false' });
    expect(summary(root, 'x')).toMatchObject({ followed: '1334', notFollowed: '666', notChecked: '0' });
    expect(summary(root, 'github')).toMatchObject({ followed: '0', notChecked: String(N) });

    // The full read starts after that paint; what it ends with is that same screen, no longer busy.
    await waitFor(() => vi.mocked(db.listFollows).mock.calls.length > 0);
    // The grid measured its viewport meanwhile (and added the rows beyond it).
    await act(() => new Promise((done) => setTimeout(done, 50)));
    const early = root.innerHTML;
    const shown = names(root);
    await act(() => release());
    await waitFor(() => grid(root).getAttribute('aria-busy') === null);
    // Every follow record read: the same screen, no longer busy.
    expect(names(root)).toEqual(shown);
    expect(summary(root, 'x')).toMatchObject({ followed: '1334', notFollowed: '666', notChecked: '0' });
    expect(root.innerHTML).toBe(early.replace(' aria-busy="true"', ''));
  });

  it('lets a filter that needs every follow record wait, busy, and then applies it', async () => {
    await seed('current');
    const root = await open();
    await waitFor(() => root.querySelector('[data-testid="matrix-row"]'));
    await click(byTestId(root, 'not-following-back'));
    expect(root.querySelector('[data-testid="coverage-matrix"]')).toBeNull();
    expect(root.querySelector('[aria-busy="true"]')?.textContent).toBe('Loading…');

    await act(() => release());
    await waitFor(() => root.querySelector('[data-testid="coverage-matrix"]'));
    expect(names(root)).toEqual(['User 0002']);
  });

  it('waits for every follow record when the snapshot is not current', async () => {
    await seed('stale');
    const root = await open();
    await waitFor(() => vi.mocked(db.listFollows).mock.calls.length > 0);
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(root.querySelector('[data-testid="matrix-row"]')).toBeNull();

    await act(() => release());
    await waitFor(() => root.querySelector('[data-testid="matrix-row"]'));
    expect(grid(root).getAttribute('aria-rowcount')).toBe(String(N + 3));
    expect(grid(root).getAttribute('aria-busy')).toBeNull();
  });
});
