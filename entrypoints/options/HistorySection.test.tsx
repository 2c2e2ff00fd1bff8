// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allByTestId, byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { closeDb, getDb, logAction } from '../../utils/db';
import type { ActionRecord } from '../../utils/model';
import { HistorySection } from './HistorySection';
import { HISTORY_LIMIT } from './history';

let page: Mounted;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  page?.unmount();
  await closeDb();
});

function action(at: number, extra: Partial<ActionRecord> = {}): ActionRecord {
  return { at, site: 'github', handle: `user${at}`, kind: 'follow', via: 'page', result: 'ok', ...extra };
}

async function seed(...actions: ActionRecord[]): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('actions', 'readwrite');
  for (const a of actions) void tx.store.add(a);
  await tx.done;
}

async function open(version = 0): Promise<HTMLElement> {
  page = await mount(<HistorySection version={version} />);
  const root = page.container;
  await waitFor(() => !root.textContent?.includes('Loading…'));
  return root;
}

function rows(root: HTMLElement): HTMLElement[] {
  return allByTestId(root, 'history-row');
}

describe('History', () => {
  it('says so when nothing was followed yet', async () => {
    const root = await open();
    expect(byTestId(root, 'history-empty').textContent).toContain('No follows yet');
    expect(rows(root)).toHaveLength(0);
  });

  it('shows each follow newest first: when, network, handle, how and result', async () => {
    const at = new Date(2025, 4, 6, 7, 8).getTime();
    await seed(
      action(at - 1000, {
        site: 'x',
        handle: 'adaquill',
        via: 'tab',
        result: 'failed',
        detail: 'Button not found',
      }),
      action(at, { site: 'bluesky', handle: 'ada.bsky.social', via: 'api' }),
      action(at - 2000, { site: 'x', handle: 'javascript:alert(1)', via: 'page' }),
    );
    const root = await open();
    const [first, second, third] = rows(root);
    expect(rows(root).map((row) => row.dataset.handle)).toEqual([
      'ada.bsky.social',
      'adaquill',
      'javascript:alert(1)',
    ]);

    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(at).toISOString());
    expect(first?.querySelector('.site-icon')?.getAttribute('data-site')).toBe('bluesky');
    expect(first?.textContent).toContain('Bluesky');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('https://bsky.app/profile/ada.bsky.social');
    expect(first?.textContent).toContain('through the API');
    expect(first?.textContent).toContain('Followed');

    expect(second?.textContent).toContain('from the popup');
    expect(second?.textContent).toContain('Failed');
    expect(second?.textContent).toContain('Button not found');
    expect(second?.dataset.result).toBe('failed');

    expect(third?.textContent).toContain('from the page');
    expect(third?.querySelector('a')).toBeNull();
    expect(byTestId(root, 'history-count').textContent).toBe('3');
  });

  it(`shows the latest ${HISTORY_LIMIT}, and all on request`, async () => {
    await seed(...Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => action(i + 1)));
    const root = await open();
    expect(rows(root)).toHaveLength(HISTORY_LIMIT);
    expect(rows(root)[0]?.dataset.handle).toBe(`user${HISTORY_LIMIT + 5}`);
    expect(byTestId(root, 'history-shown').textContent).toContain(
      `Showing ${HISTORY_LIMIT} of ${HISTORY_LIMIT + 5}`,
    );

    await click(byTestId(root, 'history-show-all'));
    await waitFor(() => rows(root).length === HISTORY_LIMIT + 5);
    expect(rows(root).at(-1)?.dataset.handle).toBe('user1');
    await click(byTestId(root, 'history-show-all'));
    await waitFor(() => rows(root).length === HISTORY_LIMIT);
  });

  it('reloads when its version changes', async () => {
    const root = await open(0);
    await logAction(await getDb(), action(5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows(root)).toHaveLength(0);
    await act(() => {
      render(<HistorySection version={1} />, root);
    });
    await waitFor(() => rows(root).length === 1);
  });

  it('exports the whole history as teamfollow-history.csv', async () => {
    await seed(
      action(Date.UTC(2025, 0, 1), { handle: 'octo', detail: '=cmd' }),
      action(Date.UTC(2025, 0, 2)),
    );
    const root = await open();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await click(byTestId(root, 'export-history'));
    await waitFor(() => names.length === 1);
    expect(names).toEqual(['teamfollow-history.csv']);
    expect(await blob?.text()).toBe(
      'at,site,handle,via,result,detail\r\n' +
        `2025-01-02T00:00:00.000Z,github,user${Date.UTC(2025, 0, 2)},page,ok,\r\n` +
        '2025-01-01T00:00:00.000Z,github,octo,page,ok,"\'=cmd"\r\n',
    );
  });
});
