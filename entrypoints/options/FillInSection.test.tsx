// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allByTestId, byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import socialAccounts from '../../utils/api/recorded/github/socialAccounts.json';
import userWithLinks from '../../utils/api/recorded/github/userWithLinks.json';
import lookupAliceFields from '../../utils/api/recorded/mastodon/lookupAliceFields.json';
import { type Exchange, replay } from '../../utils/api/recorded/replay';
import { closeDb, getDb, listMembers, putMember } from '../../utils/db';
import { type Account, accountKeysOf, type Member } from '../../utils/model';
import { FillInSection } from './FillInSection';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
});

function member(id: string, name: string, accounts: Account[]): Member {
  return { id, name, accounts, accountKeys: accountKeysOf(accounts) };
}

const mona = member('m1', 'Mona', [
  { site: 'github', handle: 'mona' },
  { site: 'mastodon', handle: 'mona@social.example.org' },
]);
const alice = member('a1', 'Alice', [
  { site: 'mastodon', handle: 'alice@hachyderm.io' },
  { site: 'linkedin', handle: 'mona-lisa' },
]);

const script: Exchange[] = [
  { method: 'GET', url: 'https://api.github.com/users/mona/social_accounts', body: socialAccounts },
  { method: 'GET', url: 'https://api.github.com/users/mona', body: userWithLinks },
  { method: 'GET', url: 'https://hachyderm.io/api/v1/accounts/lookup?acct=alice', body: lookupAliceFields },
];

async function open(members: Member[], fetch = replay(script).fetch) {
  const db = await getDb();
  for (const m of members) await putMember(db, m);
  const onAdded = vi.fn();
  const canReach = vi.fn(async (host: string) => host === 'hachyderm.io');
  page = await mount(
    <FillInSection
      members={members}
      onAdded={onAdded}
      fetch={fetch}
      sleep={async () => {}}
      canReach={canReach}
    />,
  );
  return { root: page.container, onAdded, canReach };
}

it('suggests accounts grouped by teammate with their provenance in words, and adds only the ticked ones', async () => {
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  const { root, onAdded, canReach } = await open([mona, alice]);
  await click(byTestId(root, 'fill-in-all'));
  await waitFor(() => root.querySelector('[data-testid="fill-in-review"]'));

  expect(canReach).toHaveBeenCalledWith('social.example.org');
  expect(allByTestId(root, 'fill-in-note').map((note) => note.textContent)).toEqual([
    expect.stringContaining("Skipped Mona's Mastodon account mona@social.example.org"),
  ]);
  const groups = allByTestId(root, 'fill-in-teammate');
  expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual(['Mona', 'Alice']);
  // LinkedIn mona-lisa is Alice's already: never suggested to Mona.
  expect(
    allByTestId<HTMLInputElement>(groups[0] as HTMLElement, 'fill-in-tick').map((box) => box.dataset.account),
  ).toEqual(['x:monalisa', 'bluesky:mona.bsky.social', 'mastodon:mona@fosstodon.org']);
  expect(allByTestId(groups[1] as HTMLElement, 'fill-in-provenance').map((p) => p.textContent)).toEqual([
    '(verified by Mastodon)',
    '(claimed on Mastodon)',
    '(claimed on Mastodon)',
  ]);
  // What each teammate has already is shown beside the suggestions: typed, since no profile read names it.
  expect(
    allByTestId(groups[0] as HTMLElement, 'fill-in-known').map((known) => known.dataset.provenance),
  ).toEqual(['typed', 'typed']);
  expect(groups[0]?.querySelector('p')?.textContent).toBe(
    'On the roster: GitHub mona (typed), Mastodon mona@social.example.org (typed)',
  );
  // Only the verified one starts ticked.
  const ticks = allByTestId<HTMLInputElement>(root, 'fill-in-tick');
  expect(ticks.filter((box) => box.checked).map((box) => box.dataset.account)).toEqual(['github:alice-dev']);
  expect(byTestId(root, 'fill-in-add').textContent).toBe('Add 1 ticked');

  // Nothing landed yet.
  expect((await listMembers(await getDb())).find((m) => m.id === 'm1')?.accounts).toEqual(mona.accounts);

  await click(ticks.find((box) => box.dataset.account === 'x:monalisa') ?? null);
  expect(byTestId(root, 'fill-in-add').textContent).toBe('Add 2 ticked');
  await click(byTestId(root, 'fill-in-add'));
  await waitFor(() => root.querySelector('[data-testid="fill-in-notice"]'));

  expect(byTestId(root, 'fill-in-notice').textContent).toBe('Added 2 accounts.');
  const stored = new Map((await listMembers(await getDb())).map((m) => [m.id, m]));
  expect(stored.get('m1')?.accountKeys).toEqual([
    'github:mona',
    'mastodon:mona@social.example.org',
    'x:monalisa',
  ]);
  expect(stored.get('a1')?.accountKeys).toEqual([
    'mastodon:alice@hachyderm.io',
    'linkedin:mona-lisa',
    'github:alice-dev',
  ]);
  expect(sent).toHaveBeenCalledWith({ type: 'data-changed' });
  expect(onAdded).toHaveBeenCalledOnce();
  // What was added leaves the list; the rest stays to be ticked.
  expect(allByTestId<HTMLInputElement>(root, 'fill-in-tick')).toHaveLength(4);
});

it('Stop ends the run and shows what was found so far', async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fake = replay(script);
  const slow: typeof fake.fetch = async (url, init) => {
    await held;
    return fake.fetch(url, init);
  };
  const { root } = await open([mona], slow);
  await click(byTestId(root, 'fill-in-all'));
  await waitFor(() =>
    root.querySelector('[data-testid="fill-in-progress"]')?.textContent?.includes('reading'),
  );
  expect(byTestId(root, 'fill-in-progress').textContent).toContain('0 of 2: reading Mona’s profiles');
  await click(byTestId(root, 'fill-in-stop'));
  release();
  await waitFor(() => root.querySelector('[data-testid="fill-in-review"]'));
  expect(byTestId(root, 'fill-in-review').textContent).toContain('Stopped');
  expect(fake.requests()).toEqual([
    'GET https://api.github.com/users/mona/social_accounts',
    'GET https://api.github.com/users/mona',
  ]);
});

it('shows an account the teammate has as its profile names it, and typed where none does', async () => {
  const monaWithX = member('m1', 'Mona', [
    { site: 'github', handle: 'mona' },
    { site: 'x', handle: 'monalisa' },
  ]);
  const { root } = await open([monaWithX]);
  await click(byTestId(root, 'fill-in-all'));
  await waitFor(() => root.querySelector('[data-testid="fill-in-review"]'));
  expect(
    allByTestId(root, 'fill-in-known').map((known) => [known.dataset.account, known.dataset.provenance]),
  ).toEqual([
    ['github:mona', 'typed'],
    ['x:monalisa', 'claimed'],
  ]);
  expect(allByTestId(root, 'fill-in-known')[1]?.textContent).toContain('X monalisa (claimed on GitHub)');
  // Confirmed, so not suggested again.
  expect(allByTestId<HTMLInputElement>(root, 'fill-in-tick').map((box) => box.dataset.account)).not.toContain(
    'x:monalisa',
  );
});
