// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { closeDb, findMemberByAccount, getDb, getFollow, putFollow, putMember } from '../../utils/db';
import { type RenameSuggestion, renameSuggestionsItem, suggestRename } from '../../utils/settings';
import { RenameNotice, renameQuestion } from './RenameNotice';

let page: Mounted | undefined;

const renamed: RenameSuggestion = {
  site: 'x',
  from: 'ada_old',
  to: 'ada_new',
  memberId: 'm1',
  memberName: 'Ada',
  stableId: '42',
  seenAt: 1,
};

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true }));
  const db = await getDb();
  await putMember(db, {
    id: 'm1',
    name: 'Ada',
    accounts: [{ site: 'x', handle: 'ada_old' }],
    accountKeys: [],
  });
  await putFollow(db, { key: 'x:ada_old', state: 'following', checkedAt: 1, source: 'page', stableId: '42' });
});

afterEach(async () => {
  page?.unmount();
  page = undefined;
  await closeDb();
});

async function open() {
  page = await mount(<RenameNotice />);
  return page.container;
}

it('asks in words a lead reads', () => {
  expect(renameQuestion(renamed)).toBe(
    "Ada's X handle changed from @ada_old to @ada_new: update the roster?",
  );
});

it('shows nothing while no handle changed', async () => {
  const root = await open();
  expect(root.innerHTML).toBe('');
});

it('updates the roster on OK, keeping what was recorded of the account', async () => {
  await suggestRename(renamed);
  const root = await open();
  const notice = await waitFor(() => root.querySelector('[data-testid="rename-notice"]'));
  expect(notice.textContent).toContain(
    "Ada's X handle changed from @ada_old to @ada_new: update the roster?",
  );
  await click(byTestId(notice, 'rename-accept'));
  await waitFor(() => !root.querySelector('[data-testid="rename-notice"]'));
  const db = await getDb();
  expect((await findMemberByAccount(db, 'x', 'ada_new'))?.id).toBe('m1');
  expect(await findMemberByAccount(db, 'x', 'ada_old')).toBeUndefined();
  expect((await getFollow(db, 'x', 'ada_new'))?.state).toBe('following');
  expect((await renameSuggestionsItem.getValue()).pending).toEqual([]);
});

it('changes nothing when the user says it is not the same person, and does not ask again', async () => {
  await suggestRename(renamed);
  const root = await open();
  await click(await waitFor(() => root.querySelector('[data-testid="rename-dismiss"]')));
  await waitFor(() => !root.querySelector('[data-testid="rename-notice"]'));
  expect((await findMemberByAccount(await getDb(), 'x', 'ada_old'))?.id).toBe('m1');
  await suggestRename({ ...renamed, seenAt: 2 });
  expect((await renameSuggestionsItem.getValue()).pending).toEqual([]);
});

it('says why, and leaves the roster alone, when the new handle has become another teammate', async () => {
  await putMember(await getDb(), {
    id: 'm2',
    name: 'Bo',
    accounts: [{ site: 'x', handle: 'ada_new' }],
    accountKeys: [],
  });
  await suggestRename(renamed);
  const root = await open();
  await click(await waitFor(() => root.querySelector('[data-testid="rename-accept"]')));
  const alert = await waitFor(() => root.querySelector('[role="alert"]'));
  expect(alert.textContent).toContain('already belongs to teammate "Bo"');
  expect((await findMemberByAccount(await getDb(), 'x', 'ada_old'))?.id).toBe('m1');
});

it('records each rename once', async () => {
  await suggestRename(renamed);
  await suggestRename({ ...renamed, seenAt: 5 });
  expect((await renameSuggestionsItem.getValue()).pending).toHaveLength(1);
});

it('offers a moved account’s new address in the same place, worded as a move', async () => {
  const db = await getDb();
  await putMember(db, {
    id: 'm3',
    name: 'Cy',
    accounts: [
      { site: 'mastodon', handle: 'cy@mastodon.social' },
      { site: 'x', handle: 'cy' },
    ],
    accountKeys: [],
  });
  const moved: RenameSuggestion = {
    site: 'mastodon',
    from: 'cy@mastodon.social',
    to: 'cy@hachyderm.io',
    memberId: 'm3',
    memberName: 'Cy',
    kind: 'moved',
    seenAt: 1,
  };
  expect(renameQuestion(moved)).toBe(
    "Cy's Mastodon account @cy@mastodon.social moved to @cy@hachyderm.io: replace it in the roster?",
  );
  await suggestRename(moved);
  const root = await open();
  const notice = await waitFor(() => root.querySelector('[data-testid="rename-notice"]'));
  expect(byTestId(notice, 'rename-dismiss').textContent).toBe('Keep the old account');
  await click(byTestId(notice, 'rename-accept'));
  await waitFor(() => !root.querySelector('[data-testid="rename-notice"]'));
  expect((await findMemberByAccount(db, 'mastodon', 'cy@hachyderm.io'))?.accounts).toEqual([
    { site: 'mastodon', handle: 'cy@hachyderm.io' },
    { site: 'x', handle: 'cy' },
  ]);
  expect(await findMemberByAccount(db, 'mastodon', 'cy@mastodon.social')).toBeUndefined();
});
