// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { closeDb, getDb, listMembers, putMember } from '../../utils/db';
import type { Member } from '../../utils/model';
import { importRoster } from '../../utils/roster/import';
import { ExportSection } from './ExportSection';
import { ada, bruno } from './roster.cases';

let page: Mounted;

/** Catches downloads: their file names and texts, in order. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, text: (i: number) => (blobs[i] as Blob).text() };
}

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
  const { names, text } = catchDownloads();

  await click(byTestId(root, 'export-json'));
  await click(byTestId(root, 'export-csv'));
  await click(byTestId(root, 'export-mastodon'));
  await waitFor(() => names.length === 3);

  expect(names).toEqual([
    'teamfollow-roster.json',
    'teamfollow-roster.csv',
    'teamfollow-mastodon-follows.csv',
  ]);
  const json = JSON.parse(await text(0));
  expect(json.members.map((m: { name: string }) => m.name)).toEqual(['Ada Quill', 'Bruno Fenwick']);
  expect(await text(1)).toContain('Bruno Fenwick');
  expect(await text(2)).toContain('Account address,Show boosts');

  expect(notices).toEqual([
    'Saved teamfollow-roster.json.',
    'Saved teamfollow-roster.csv.',
    'Saved teamfollow-mastodon-follows.csv.',
  ]);
});

const cleo: Member = {
  id: 'cleo',
  name: 'Cleo | Stone',
  team: 'Design',
  accounts: [
    { site: 'mastodon', handle: 'cleo@hachyderm.io' },
    { site: 'bluesky', handle: 'cleo.bsky.social' },
  ],
  accountKeys: ['mastodon:cleo@hachyderm.io', 'bluesky:cleo.bsky.social'],
};

it('downloads the Mastodon lists, and team tables for all teams or one, the team CSV importing back', async () => {
  const db = await getDb();
  for (const m of [ada, bruno, cleo]) await putMember(db, m);
  const notices: string[] = [];
  page = await mount(<ExportSection notice="" onNotice={(text) => notices.push(text)} />);
  const root = page.container;
  const { names, text } = catchDownloads();
  const picker = byTestId<HTMLSelectElement>(root, 'export-team');
  await waitFor(() => picker.options.length === 3);
  expect([...picker.options].map((o) => o.textContent)).toEqual(['All teams', 'Design', 'Platform']);

  await click(byTestId(root, 'export-mastodon-lists'));
  await click(byTestId(root, 'export-markdown'));
  await act(() => {
    picker.value = 'team:Design';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await click(byTestId(root, 'export-team-csv'));
  await waitFor(() => names.length === 3);

  expect(names).toEqual([
    'teamfollow-mastodon-lists.csv',
    'teamfollow-teams.md',
    'teamfollow-team-design.csv',
  ]);
  expect(await text(0)).toBe('List name,Account address\r\nDesign,cleo@hachyderm.io\r\n');
  const markdown = await text(1);
  expect(markdown).toContain('## Design');
  expect(markdown).toContain('## Platform');
  expect(markdown).toContain('| Cleo \\| Stone |');
  expect(markdown).toContain('[adaquill](<https://x.com/adaquill>)');
  const csv = await text(2);
  expect(csv).not.toContain('Ada Quill');
  expect(notices.at(-1)).toBe('Saved teamfollow-team-design.csv.');

  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  const fresh = await getDb();
  expect(await importRoster(fresh, csv, 'teamfollow-team-design.csv')).toMatchObject({
    imported: 2,
    rejected: 0,
  });
  expect((await listMembers(fresh)).map((m) => [m.name, m.team, m.accountKeys]).sort()).toEqual([
    ['Bruno Fenwick', 'Design', ['github:bfenwick']],
    ['Cleo | Stone', 'Design', ['bluesky:cleo.bsky.social', 'mastodon:cleo@hachyderm.io']],
  ]);
});
