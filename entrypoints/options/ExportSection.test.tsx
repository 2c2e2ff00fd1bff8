// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { closeDb, getDb, putMember } from '../../utils/db';
import { ExportSection } from './ExportSection';
import { ada, bruno } from './roster.cases';

let page: Mounted;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
});

it('downloads each export under its file name, and says so', async () => {
  const db = await getDb();
  for (const m of [ada, bruno]) await putMember(db, m);
  const notices: string[] = [];
  page = await mount(<ExportSection notice="" onNotice={(text) => notices.push(text)} />);
  const root = page.container;
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

  expect(notices).toEqual([
    'Saved teamfollow-roster.json.',
    'Saved teamfollow-roster.csv.',
    'Saved teamfollow-mastodon-follows.csv.',
  ]);
});
