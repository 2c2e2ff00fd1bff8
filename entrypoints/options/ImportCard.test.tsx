// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount, typeInto, waitFor } from '../../tests/helpers/mount';
import { closeDb, getDb, listMembers } from '../../utils/db';
import { ROSTER_LIMITS } from '../../utils/roster/types';
import { ImportCard } from './ImportCard';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
});

const summary = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="import-summary"]');

it('labels the file input and describes it by its hint', async () => {
  page = await mount(<ImportCard onImported={async () => {}} resets={0} />);
  const file = byTestId<HTMLInputElement>(page.container, 'roster-file');
  expect(page.container.querySelector(`label[for="${file.id}"]`)?.textContent).toContain('Roster file');
  const hint = document.getElementById(file.getAttribute('aria-describedby') ?? '');
  expect(hint?.textContent).toContain('Importing again merges');
});

it('imports pasted text, then tells the page the roster changed', async () => {
  const onImported = vi.fn(async () => {});
  page = await mount(<ImportCard onImported={onImported} resets={0} />);
  const root = page.container;
  await typeInto(byTestId(root, 'roster-paste'), 'name,github\nAda Quill,adaquill\n');
  await click(byTestId(root, 'roster-paste-import'));
  expect((await waitFor(() => summary(root)))?.dataset.imported).toBe('1');
  expect(onImported).toHaveBeenCalledTimes(1);
  expect(await listMembers(await getDb())).toHaveLength(1);
});

it('refuses pasted text over the size limit, and forgets the summary when all data is deleted', async () => {
  const onImported = vi.fn(async () => {});
  page = await mount(<ImportCard onImported={onImported} resets={0} />);
  const root = page.container;
  await typeInto(byTestId(root, 'roster-paste'), `name\n${'a'.repeat(ROSTER_LIMITS.maxBytes)}`);
  await click(byTestId(root, 'roster-paste-import'));
  const refused = await waitFor(() => summary(root));
  expect(refused?.getAttribute('role')).toBe('alert');
  expect(refused?.textContent).toContain('The pasted text is larger than the limit of 5 MB');
  expect(onImported).not.toHaveBeenCalled();

  page.unmount();
  page = await mount(<ImportCard onImported={onImported} resets={1} />);
  expect(summary(page.container)).toBeNull();
});

it('counts the teammates a re-import no longer lists, removes nobody, and removes them only on the click', async () => {
  const onImported = vi.fn(async () => {});
  page = await mount(<ImportCard onImported={onImported} resets={0} />);
  const root = page.container;
  await typeInto(byTestId(root, 'roster-paste'), 'name,github\nAda,adaquill\nBo,bofen\nCy,cyberg\n');
  await click(byTestId(root, 'roster-paste-import'));
  await waitFor(() => summary(root)?.dataset.imported === '3');
  await typeInto(byTestId(root, 'roster-paste'), 'name,github\nAda,adaquill\nDee,deedee\n');
  await click(byTestId(root, 'roster-paste-import'));
  const panel = await waitFor(() => (summary(root)?.dataset.leavers === '2' ? summary(root) : null));
  expect(panel.dataset.imported).toBe('2');
  expect(panel.dataset.rejected).toBe('0');
  expect(byTestId(root, 'import-joiners').textContent).toContain('Dee');
  expect([...root.querySelectorAll('[data-testid="leaver"]')].map((li) => li.textContent)).toEqual([
    'Bo',
    'Cy',
  ]);
  expect(await listMembers(await getDb())).toHaveLength(4);

  const remove = byTestId(root, 'remove-leavers');
  expect(remove.textContent).toBe('Remove these 2');
  await click(remove);
  await waitFor(() => summary(root)?.dataset.leavers === '0');
  expect((await listMembers(await getDb())).map((m) => m.name).sort()).toEqual(['Ada', 'Dee']);
  expect(byTestId(root, 'leavers-removed').textContent).toContain('Nobody was unfollowed');
  expect(onImported).toHaveBeenCalledTimes(3);
});

it('reads a chosen file by its encoding: a German Excel file in Windows-1252 lands with the right names', async () => {
  page = await mount(<ImportCard onImported={async () => {}} resets={0} />);
  const root = page.container;
  const bytes = Uint8Array.from('Name;Team\r\nJürgen Müller;Köln\r\n', (char) => char.charCodeAt(0));
  const input = byTestId<HTMLInputElement>(root, 'roster-file');
  Object.defineProperty(input, 'files', { value: [new File([bytes], 'team.csv')], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const panel = await waitFor(() => summary(root));
  expect(panel.dataset.imported).toBe('1');
  expect(panel.textContent).toContain('Read as Windows-1252 text.');
  expect((await listMembers(await getDb()))[0]).toMatchObject({ name: 'Jürgen Müller', team: 'Köln' });
});
