// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  allByTestId,
  byTestId,
  click,
  type Mounted,
  mount,
  typeInto,
  waitFor,
} from '../../tests/helpers/mount';
import { closeDb, getDb, listMembers, putMember, updateMembers } from '../../utils/db';
import type { Member } from '../../utils/model';
import { RosterSection } from './RosterSection';
import { ada, bruno, member } from './roster.cases';
import { useRoster } from './use-roster';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
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

/** The section as the page mounts it: with the roster read from the database. */
function Section() {
  return <RosterSection roster={useRoster()} />;
}

async function openPage(): Promise<HTMLElement> {
  page = await mount(<Section />);
  await waitFor(() => !page.container.textContent?.includes('Loading…'));
  return page.container;
}

function rows(root: HTMLElement): HTMLTableRowElement[] {
  return allByTestId<HTMLTableRowElement>(root, 'roster-row');
}

function siteField(root: ParentNode, site: string): HTMLInputElement {
  const field = root.querySelector<HTMLInputElement>(
    `[data-testid="member-dialog"] input[data-site="${site}"]`,
  );
  if (!field) throw new Error(`no ${site} field`);
  return field;
}
describe('roster section: table', () => {
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
    const many = Array.from({ length: 250 }, (_, i) =>
      member(`m${i}`, `Person ${i}`, { team: i % 2 ? 'Odd' : 'Even' }),
    );
    await updateMembers(await getDb(), () => ({ changed: many, result: null }));
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

describe('roster section: editing', () => {
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

  it('after a delete the focus is on the Edit button of the row now at its place, then on the search box', async () => {
    await seed(ada, bruno);
    const root = await openPage();
    await waitFor(() => rows(root).length === 2);
    const row = (id: string) => root.querySelector(`[data-member-id="${id}"]`);
    const pressWithKeyboard = async (button: Element | null | undefined) => {
      (button as HTMLElement).focus();
      await click(button ?? null);
    };

    await pressWithKeyboard(row('ada')?.querySelector('[data-testid="delete-member"]'));
    await pressWithKeyboard(row('ada')?.querySelector('[data-testid="delete-member-confirm"]'));
    await waitFor(() => rows(root).length === 1);
    await waitFor(
      () => document.activeElement === row('bruno')?.querySelector('[data-testid="edit-member"]'),
    );

    await pressWithKeyboard(row('bruno')?.querySelector('[data-testid="delete-member"]'));
    await pressWithKeyboard(row('bruno')?.querySelector('[data-testid="delete-member-confirm"]'));
    await waitFor(() => document.activeElement === byTestId(root, 'roster-search'));
  });

  it("after Save the focus is on the teammate's Edit button, also when the new name sorts elsewhere", async () => {
    await seed(ada, bruno);
    const root = await openPage();
    await waitFor(() => rows(root).length === 2);
    const edit = root.querySelector<HTMLElement>('[data-member-id="ada"] [data-testid="edit-member"]');
    edit?.focus();
    await click(edit);
    await typeInto(byTestId(root, 'member-name'), 'Zoe Quill');
    await click(byTestId(root, 'save-member'));
    await waitFor(() => rows(root)[1]?.getAttribute('data-member-id') === 'ada');
    await waitFor(
      () =>
        document.activeElement === root.querySelector('[data-member-id="ada"] [data-testid="edit-member"]'),
    );
  });
});
