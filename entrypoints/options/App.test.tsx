// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import sampleRoster from '../../examples/roster.csv?raw';
import { fakePermissions } from '../../tests/helpers/fake-permissions';
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
import { closeDb, getDb, listMembers, logAction, putMember } from '../../utils/db';
import type { Member } from '../../utils/model';
import { ROSTER_LIMITS } from '../../utils/roster/types';
import { ownHandlesItem } from '../../utils/settings';
import { App } from './App';
import { ada, bruno } from './roster.cases';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
  fakePermissions();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
});

async function seed(...members: Member[]): Promise<void> {
  const db = await getDb();
  for (const m of members) await putMember(db, m);
}

async function openPage(): Promise<HTMLElement> {
  page = await mount(<App />);
  await waitFor(() => !page.container.textContent?.includes('Loading…'));
  return page.container;
}

function ownField(root: HTMLElement, site: string): HTMLInputElement {
  return byTestId(root, 'own-handles').querySelector(`input[data-site="${site}"]`) as HTMLInputElement;
}

function rows(root: HTMLElement): HTMLTableRowElement[] {
  return allByTestId<HTMLTableRowElement>(root, 'roster-row');
}

async function chooseFile(root: HTMLElement, file: File): Promise<HTMLElement> {
  const input = byTestId<HTMLInputElement>(root, 'roster-file');
  // happy-dom's FileList is an Array: add the file the way a file picker would.
  (input.files as unknown as File[]).push(file);
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return waitFor(() => root.querySelector<HTMLElement>('[data-testid="import-summary"]'));
}

describe('options page: import', () => {
  it('imports a chosen file at once, shows the summary, fills the table, and resets the input', async () => {
    const root = await openPage();
    expect(byTestId(root, 'roster-file').getAttribute('accept')).toContain('.csv');
    const summary = await chooseFile(root, new File([sampleRoster], 'roster.csv', { type: 'text/csv' }));

    expect(summary.dataset.imported).toBe('10');
    expect(summary.dataset.rejected).toBe('0');
    expect(summary.getAttribute('role')).toBe('status');
    expect(summary.textContent).toContain('Imported 10 teammates (10 new, 0 merged); no problems.');
    await waitFor(() => rows(root).length === 10);
    expect(byTestId(root, 'roster-count').textContent).toBe('10');
    expect(byTestId<HTMLInputElement>(root, 'roster-file').files).toHaveLength(0);
    expect(await listMembers(await getDb())).toHaveLength(10);

    const adaRow = rows(root).find((row) => row.textContent?.includes('Ada Quill'));
    const link = adaRow?.querySelector<HTMLAnchorElement>('li[data-site="x"] a');
    expect(link?.href).toBe('https://x.com/adaquill');
    expect(link?.rel).toBe('noreferrer noopener');
    expect(link?.target).toBe('_blank');
  });

  it('lists each problem with its line, column, value and reason', async () => {
    const root = await openPage();
    const csv = 'name,team,github\nAda Quill,Platform,bad_login!\n,Design,bruno\n';
    const summary = await chooseFile(root, new File([csv], 'team.csv', { type: 'text/csv' }));
    expect(summary.dataset.imported).toBe('1');
    expect(summary.dataset.rejected).toBe('2');
    const problems = allByTestId(summary, 'import-problem');
    expect(problems).toHaveLength(2);
    expect(problems[0]?.textContent).toContain('Line 2, column github');
    expect(problems[0]?.textContent).toContain('bad_login!');
    expect(problems[1]?.textContent).toContain('Line 3');
    await waitFor(() => rows(root).length === 1);
  });

  it('shows a whole-file error as an alert and leaves the database untouched', async () => {
    await seed(ada);
    const root = await openPage();
    const summary = await chooseFile(
      root,
      new File(['{ "members": '], 'team.json', { type: 'application/json' }),
    );
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.dataset.imported).toBe('0');
    expect(summary.dataset.rejected).toBe('1');
    expect(summary.textContent).toContain('team.json');
    expect(await listMembers(await getDb())).toEqual([{ ...ada, accountKeys: ['x:adaquill'] }]);
    expect(byTestId(root, 'roster-count').textContent).toBe('1');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const root = await openPage();
    const big = new File(['a'.repeat(ROSTER_LIMITS.maxBytes + 1)], 'huge.csv', { type: 'text/csv' });
    const read = vi.spyOn(big, 'text');
    const summary = await chooseFile(root, big);
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.dataset.rejected).toBe('1');
    expect(summary.textContent).toContain('huge.csv is larger than the limit of 5 MB');
    expect(read).not.toHaveBeenCalled();
  });

  it('imports pasted text with the same summary, and merges on re-import', async () => {
    await seed(ada);
    const root = await openPage();
    const paste = byTestId<HTMLTextAreaElement>(root, 'roster-paste');
    await typeInto(paste, 'name,email,github\nAda Quill,ada@example.com,adaquill\nCarla Diaz,,carla\n');
    await click(byTestId(root, 'roster-paste-import'));
    const summary = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="import-summary"]'));
    expect(summary.dataset.imported).toBe('2');
    expect(summary.textContent).toContain('(1 new, 1 merged)');
    await waitFor(() => rows(root).length === 2);
    expect(paste.value).toBe('');
  });
});

describe('options page: delete all', () => {
  it('deletes all data after confirming, and not before', async () => {
    await seed(ada, bruno);
    const root = await openPage();
    await waitFor(() => rows(root).length === 2);

    await click(byTestId(root, 'delete-all'));
    const dialog = byTestId<HTMLDialogElement>(root, 'delete-all-dialog');
    expect(dialog.open).toBe(true);
    const cancel = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    await click(cancel ?? null);
    expect(root.querySelector('[data-testid="delete-all-dialog"]')).toBeNull();
    expect(await listMembers(await getDb())).toHaveLength(2);

    await click(byTestId(root, 'delete-all'));
    await click(byTestId(root, 'delete-all-confirm'));
    await waitFor(() => rows(root).length === 0);
    expect(byTestId(root, 'roster-count').textContent).toBe('0');
    expect(await listMembers(await getDb())).toEqual([]);
  });

  it('deletes the history and the settings in extension storage too, and says so first', async () => {
    await seed(ada);
    await logAction(await getDb(), {
      at: 1,
      site: 'x',
      handle: 'adaquill',
      kind: 'follow',
      via: 'page',
      result: 'ok',
    });
    await ownHandlesItem.setValue({ x: ['lead'] });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    const root = await openPage();
    await waitFor(() => allByTestId(root, 'history-row').length === 1);
    await waitFor(() => ownField(root, 'x').value === 'lead');

    await click(byTestId(root, 'delete-all'));
    const text = byTestId(root, 'delete-all-text').textContent;
    expect(text).toContain('follow history');
    expect(text).toContain('settings in extension storage, including your accounts');
    await click(byTestId(root, 'delete-all-confirm'));

    await waitFor(() => byTestId(root, 'history').querySelector('[data-testid="history-empty"]'));
    await waitFor(() => ownField(root, 'x').value === '');
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await ownHandlesItem.getValue()).toEqual({});
  });
});

describe('options page: settings sections and live updates', () => {
  it('shows your accounts, the Mastodon instances and the history', async () => {
    fakePermissions(['https://social.example/*']);
    const root = await openPage();
    expect(byTestId(root, 'own-handles').textContent).toContain('Your accounts');
    await waitFor(() => root.querySelector('[data-testid="instance-row"][data-host="social.example"]'));
    expect(byTestId(root, 'history').textContent).toContain('History');
  });

  it('reloads the roster and the history when the extension says the data changed', async () => {
    const root = await openPage();
    await waitFor(() => root.querySelector('[data-testid="history-empty"]'));
    const db = await getDb();
    await putMember(db, ada);
    await logAction(db, { at: 2, site: 'x', handle: 'adaquill', kind: 'follow', via: 'tab', result: 'ok' });
    expect(rows(root)).toHaveLength(0);

    const other = new BroadcastChannel(CHANGES_CHANNEL);
    other.postMessage({ type: 'changed' });
    other.close();
    await waitFor(() => rows(root).length === 1);
    await waitFor(() => allByTestId(root, 'history-row').length === 1);
  });

  it('tells the rest of the extension when an import changed the roster, and ignores its own news', async () => {
    const root = await openPage();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    const heard: unknown[] = [];
    const listener = new BroadcastChannel(CHANGES_CHANNEL);
    listener.onmessage = (event) => heard.push(event.data);
    await chooseFile(root, new File(['name,github\nAda,adaquill'], 'team.csv', { type: 'text/csv' }));
    await waitFor(() => heard.length === 1);
    listener.close();
    expect(heard).toEqual([{ type: 'changed', from: 'options' }]);
    // The background may sleep and not hear the channel: a message wakes it to recount the badge.
    expect(sent).toHaveBeenCalledWith({ type: 'data-changed' });
  });

  it('closes its channel when the page closes', async () => {
    await openPage();
    // Let the previous test's page finish closing first.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const close = vi.spyOn(BroadcastChannel.prototype, 'close');
    page.unmount();
    await waitFor(() => close.mock.calls.length === 1);
  });
});
