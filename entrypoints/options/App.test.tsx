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

function member(id: string, name: string, extra: Partial<Member> = {}): Member {
  return { id, name, accounts: [], accountKeys: [], ...extra };
}

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

function siteField(root: ParentNode, site: string): HTMLInputElement {
  const field = root.querySelector<HTMLInputElement>(
    `[data-testid="member-dialog"] input[data-site="${site}"]`,
  );
  if (!field) throw new Error(`no ${site} field`);
  return field;
}

const ada = member('ada', 'Ada Quill', {
  team: 'Platform',
  email: 'ada@example.com',
  accounts: [{ site: 'x', handle: 'adaquill' }],
});
const bruno = member('bruno', 'Bruno Fenwick', {
  team: 'Design',
  accounts: [{ site: 'github', handle: 'bfenwick' }],
});

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

describe('options page: roster table', () => {
  it('filters rows by name, team, email and handle, ignoring case', async () => {
    await seed(ada, bruno);
    const root = await openPage();
    await waitFor(() => rows(root).length === 2);
    const search = byTestId<HTMLInputElement>(root, 'roster-search');

    await typeInto(search, 'DESIGN');
    expect(rows(root).map((row) => row.dataset.memberId)).toEqual(['bruno']);
    await typeInto(search, '@adaquill');
    expect(rows(root).map((row) => row.dataset.memberId)).toEqual(['ada']);
    await typeInto(search, 'nobody');
    expect(rows(root)).toHaveLength(0);
    expect(byTestId(root, 'roster-no-match').textContent).toContain('nobody');
    await typeInto(search, '');
    expect(rows(root)).toHaveLength(2);
    expect(byTestId(root, 'roster-count').textContent).toBe('2');
  });

  it('renders 100 rows at a time for a large roster', async () => {
    const db = await getDb();
    const tx = db.transaction('members', 'readwrite');
    for (let i = 0; i < 250; i++)
      void tx.store.put(member(`m${i}`, `Person ${i}`, { team: i % 2 ? 'Odd' : 'Even' }));
    await tx.done;
    const root = await openPage();
    await waitFor(() => rows(root).length > 0);
    expect(byTestId(root, 'roster-count').textContent).toBe('250');
    expect(rows(root)).toHaveLength(100);
    await click(byTestId(root, 'show-more'));
    expect(rows(root)).toHaveLength(200);
    await typeInto(byTestId(root, 'roster-search'), 'odd');
    expect(rows(root)).toHaveLength(100);
    expect(byTestId(root, 'roster-shown').textContent).toContain('Showing 100 of 125 matching');
  });

  it('shows names and handles as text, and links only canonical handles', async () => {
    await seed(
      member('evil', '<b>Eve</b>', {
        accounts: [
          { site: 'x', handle: 'javascript:alert(1)' },
          { site: 'github', handle: 'eve' },
        ],
      }),
    );
    const root = await openPage();
    const [row] = await waitFor(() => rows(root).length === 1 && rows(root));
    expect(row?.querySelector('b')).toBeNull();
    expect(row?.textContent).toContain('<b>Eve</b>');
    expect(row?.querySelector('li[data-site="x"] a')).toBeNull();
    expect(row?.querySelector('li[data-site="x"]')?.textContent).toContain('javascript:alert(1)');
    expect(row?.querySelector<HTMLAnchorElement>('li[data-site="github"] a')?.href).toBe(
      'https://github.com/eve',
    );
  });
});

describe('options page: editing', () => {
  it('blocks Save while a handle is invalid, then saves the fixed member', async () => {
    await seed(ada);
    const root = await openPage();
    await waitFor(() => rows(root).length === 1);
    await click(byTestId(root, 'edit-member'));
    const dialog = byTestId<HTMLDialogElement>(root, 'member-dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Edit Ada Quill');

    const x = siteField(root, 'x');
    await typeInto(x, 'way_too_long_for_an_x_handle');
    expect(x.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('not a valid X handle');
    expect(byTestId<HTMLButtonElement>(dialog, 'save-member').disabled).toBe(true);

    await typeInto(x, '@AdaQ');
    await typeInto(siteField(root, 'mastodon'), 'https://mastodon.social/@ada');
    await click(byTestId(dialog, 'save-member'));
    await waitFor(() => !root.querySelector('[data-testid="member-dialog"]'));

    const [saved] = await listMembers(await getDb());
    expect(saved?.accounts).toEqual([
      { site: 'x', handle: 'adaq' },
      { site: 'mastodon', handle: 'ada@mastodon.social' },
    ]);
    expect(saved?.accountKeys).toEqual(['x:adaq', 'mastodon:ada@mastodon.social']);
    await waitFor(() => rows(root)[0]?.textContent?.includes('ada@mastodon.social'));
  });

  it('Cancel leaves the member as it was', async () => {
    await seed(ada);
    const root = await openPage();
    await waitFor(() => rows(root).length === 1);
    await click(byTestId(root, 'edit-member'));
    await typeInto(byTestId(root, 'member-name'), 'Someone Else');
    const cancel = [...byTestId(root, 'member-dialog').querySelectorAll('button')].find(
      (b) => b.textContent === 'Cancel',
    );
    await click(cancel ?? null);
    expect(root.querySelector('[data-testid="member-dialog"]')).toBeNull();
    expect(rows(root)[0]?.textContent).toContain('Ada Quill');
    expect((await listMembers(await getDb()))[0]?.name).toBe('Ada Quill');
  });

  it('adds a member with a new id and refuses an account another teammate has', async () => {
    await seed(ada);
    const root = await openPage();
    await waitFor(() => rows(root).length === 1);
    await click(byTestId(root, 'add-member'));
    const dialog = byTestId(root, 'member-dialog');
    expect(dialog.textContent).toContain('Add a teammate');
    const save = byTestId<HTMLButtonElement>(dialog, 'save-member');
    expect(save.disabled).toBe(true);

    await typeInto(byTestId(dialog, 'member-name'), 'Carla Diaz');
    await typeInto(siteField(root, 'x'), 'adaquill');
    await click(save);
    await waitFor(() =>
      dialog.querySelector('[role="alert"]')?.textContent?.includes('already belongs to Ada Quill'),
    );

    await typeInto(siteField(root, 'x'), '');
    await typeInto(siteField(root, 'github'), 'carla');
    await click(save);
    await waitFor(() => rows(root).length === 2);
    const carla = (await listMembers(await getDb())).find((m) => m.name === 'Carla Diaz');
    expect(carla?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(carla?.accountKeys).toEqual(['github:carla']);
  });

  it('deletes a member only after the inline confirmation', async () => {
    await seed(ada, bruno);
    const root = await openPage();
    await waitFor(() => rows(root).length === 2);
    const adaRow = () => root.querySelector('[data-member-id="ada"]');

    await click(adaRow()?.querySelector('[data-testid="delete-member"]') ?? null);
    await click(adaRow()?.querySelector('[data-testid="delete-member-cancel"]') ?? null);
    expect(await listMembers(await getDb())).toHaveLength(2);

    await click(adaRow()?.querySelector('[data-testid="delete-member"]') ?? null);
    expect(adaRow()?.textContent).toContain('Delete Ada Quill?');
    await click(adaRow()?.querySelector('[data-testid="delete-member-confirm"]') ?? null);
    await waitFor(() => rows(root).length === 1);
    expect((await listMembers(await getDb())).map((m) => m.id)).toEqual(['bruno']);
  });
});

describe('options page: export and delete all', () => {
  it('downloads each export under its file name', async () => {
    await seed(ada, bruno);
    const root = await openPage();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    await click(byTestId(root, 'export-json'));
    await click(byTestId(root, 'export-csv'));
    await click(byTestId(root, 'export-mastodon'));
    await waitFor(() => names.length === 3);

    expect(names).toEqual([
      'teamfollow-roster.json',
      'teamfollow-roster.csv',
      'teamfollow-mastodon-follows.csv',
    ]);
    const json = JSON.parse(await (blobs[0] as Blob).text());
    expect(json.members.map((m: { name: string }) => m.name)).toEqual(['Ada Quill', 'Bruno Fenwick']);
    expect(await (blobs[1] as Blob).text()).toContain('Bruno Fenwick');
    expect(await (blobs[2] as Blob).text()).toContain('Account address,Show boosts');
  });

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

  it('closes a dialog that the browser closed (Escape)', async () => {
    const root = await openPage();
    await click(byTestId(root, 'delete-all'));
    const dialog = byTestId<HTMLDialogElement>(root, 'delete-all-dialog');
    dialog.close();
    await waitFor(() => !root.querySelector('[data-testid="delete-all-dialog"]'));
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
