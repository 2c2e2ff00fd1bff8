// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
import getListStarterPack from '../../utils/api/recorded/bluesky/getListStarterPack.json';
import getStarterPack from '../../utils/api/recorded/bluesky/getStarterPack.json';
import resolveHandle from '../../utils/api/recorded/bluesky/resolveHandle.json';
import orgNotFound from '../../utils/api/recorded/github/orgNotFound.json';
import page1 from '../../utils/api/recorded/github/orgPublicMembersPage1.json';
import userMona from '../../utils/api/recorded/github/userMona.json';
import userNotFound from '../../utils/api/recorded/github/userNotFound.json';
import listAccountsPage2 from '../../utils/api/recorded/mastodon/listAccountsPage2.json';
import lists from '../../utils/api/recorded/mastodon/lists.json';
import { type Exchange, replay } from '../../utils/api/recorded/replay';
import { closeDb, getDb, listMembers, putMember } from '../../utils/db';
import { connectionsItem } from '../../utils/settings';
import { GroupImportSection } from './GroupImportSection';

const GH = 'https://api.github.com';
const XRPC = 'https://public.api.bsky.app/xrpc';
const DID = 'did:plc:ujzdegxdncf32epf3dhodzdo';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
});

async function open(script: Exchange[]) {
  const fake = replay(script);
  const onImported = vi.fn(async () => {});
  page = await mount(<GroupImportSection onImported={onImported} fetch={fake.fetch} />);
  return { root: page.container, onImported, ...fake };
}

async function pick(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const names = async () => (await listMembers(await getDb())).map((member) => member.name).sort();

describe('a GitHub organisation', () => {
  it('previews the members with names and handles, writes nothing, then imports them with a summary', async () => {
    await putMember(await getDb(), {
      id: 'm1',
      name: 'Mona',
      team: 'Platform',
      accounts: [{ site: 'github', handle: 'mona' }],
      accountKeys: ['github:mona'],
    });
    await putMember(await getDb(), {
      id: 'm2',
      name: 'Zed',
      accounts: [{ site: 'x', handle: 'zed' }],
      accountKeys: ['x:zed'],
    });
    const { root, onImported, requests, expected } = await open([
      { method: 'GET', url: `${GH}/orgs/acme/public_members?per_page=100&page=1`, body: page1 },
      { method: 'GET', url: `${GH}/users/mona`, body: userMona },
      { method: 'GET', url: `${GH}/users/hubot`, status: 404, body: userNotFound },
    ]);
    await typeInto(byTestId(root, 'group-org-input'), 'acme');
    await click(byTestId(root, 'group-preview-button'));
    const preview = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="group-preview"]'));
    expect(requests()).toEqual(expected());
    expect(preview.dataset.count).toBe('2');
    expect(allByTestId(root, 'group-preview-member').map((item) => item.textContent)).toEqual([
      'Mona Lisa Octocat GitHub mona (on the roster)',
      'hubot GitHub hubot',
    ]);
    expect(await names()).toEqual(['Mona', 'Zed']);

    await click(byTestId(root, 'group-import-button'));
    const summary = await waitFor(() =>
      root.querySelector<HTMLElement>('[data-testid="group-import-summary"]'),
    );
    expect(summary.dataset.imported).toBe('2');
    // Zed is not in the organisation, and stays: a group is not the whole roster.
    expect(summary.dataset.leavers).toBe('0');
    expect(byTestId(summary, 'import-joiners').textContent).toContain('hubot');
    expect(root.querySelector('[data-testid="import-summary"]')).toBeNull();
    expect(root.querySelector('[data-testid="group-preview"]')).toBeNull();
    // Mona was on the roster: she keeps the name and team the roster gives her.
    expect(await names()).toEqual(['Mona', 'Zed', 'hubot']);
    expect((await listMembers(await getDb())).find((member) => member.id === 'm1')).toMatchObject({
      name: 'Mona',
      team: 'Platform',
    });
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('shows why when GitHub has no such organisation', async () => {
    const { root } = await open([
      {
        method: 'GET',
        url: `${GH}/orgs/nobody/public_members?per_page=100&page=1`,
        status: 404,
        body: orgNotFound,
      },
    ]);
    await typeInto(byTestId(root, 'group-org-input'), 'nobody');
    await click(byTestId(root, 'group-preview-button'));
    const error = await waitFor(() => root.querySelector('[data-testid="group-error"]'));
    expect(error.textContent).toContain('no organisation named nobody');
  });
});

describe('a Bluesky starter pack', () => {
  it('imports the people of a starter pack given by its address', async () => {
    const pack = encodeURIComponent(`at://${DID}/app.bsky.graph.starterpack/3lhx2spack1`);
    const list = encodeURIComponent(`at://${DID}/app.bsky.graph.list/3lhx2sp0list`);
    const { root, requests, expected } = await open([
      {
        method: 'GET',
        url: `${XRPC}/com.atproto.identity.resolveHandle?handle=team-lead.bsky.social`,
        body: resolveHandle,
      },
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getStarterPack?starterPack=${pack}`,
        body: getStarterPack,
      },
      {
        method: 'GET',
        url: `${XRPC}/app.bsky.graph.getList?list=${list}&limit=100`,
        body: getListStarterPack,
      },
    ]);
    await pick(byTestId(root, 'group-source'), 'bluesky');
    await typeInto(
      byTestId(root, 'group-bluesky-input'),
      'https://bsky.app/starter-pack/team-lead.bsky.social/3lhx2spack1',
    );
    await click(byTestId(root, 'group-preview-button'));
    await waitFor(() => root.querySelector('[data-testid="group-preview"]'));
    expect(byTestId(root, 'group-import-button').textContent).toBe('Import 1');
    await click(byTestId(root, 'group-import-button'));
    await waitFor(() => root.querySelector('[data-testid="group-import-summary"]'));
    expect(requests()).toEqual(expected());
    const [ada] = await listMembers(await getDb());
    expect(ada).toMatchObject({
      name: 'Ada Quill',
      accounts: [{ site: 'bluesky', handle: 'ada.bsky.social' }],
    });
  });

  it('refuses an address that is not a list or starter pack, without a request', async () => {
    const { root, sent } = await open([]);
    await pick(byTestId(root, 'group-source'), 'bluesky');
    await typeInto(byTestId(root, 'group-bluesky-input'), 'https://bsky.app/profile/team-lead.bsky.social');
    await click(byTestId(root, 'group-preview-button'));
    expect((await waitFor(() => root.querySelector('[data-testid="group-error"]'))).textContent).toContain(
      'starter pack',
    );
    expect(sent).toHaveLength(0);
  });
});

describe('a Mastodon list', () => {
  it('fills the select from the connected account’s lists and imports the chosen one', async () => {
    await connectionsItem.setValue({ mastodon: { instance: 'mastodon.social', token: 'tok' } });
    const { root, requests, expected } = await open([
      { method: 'GET', url: 'https://mastodon.social/api/v1/lists', body: lists },
      {
        method: 'GET',
        url: 'https://mastodon.social/api/v1/lists/13694/accounts?limit=80',
        body: listAccountsPage2,
      },
    ]);
    await pick(byTestId(root, 'group-source'), 'mastodon');
    const select = await waitFor(() => {
      const found = root.querySelector<HTMLSelectElement>('[data-testid="group-mastodon-list"]');
      return found && found.options.length === 2 ? found : null;
    });
    expect([...select.options].map((option) => option.textContent)).toEqual(['Platform team', 'Friends']);
    await pick(select, '13694');
    await click(byTestId(root, 'group-preview-button'));
    await waitFor(() => root.querySelector('[data-testid="group-preview"]'));
    expect(byTestId(root, 'group-preview-member').dataset.handle).toBe('carol@hachyderm.io');
    await click(byTestId(root, 'group-import-button'));
    await waitFor(() => root.querySelector('[data-testid="group-import-summary"]'));
    expect(requests()).toEqual(expected());
    expect(await names()).toEqual(['Carol']);
  });

  it('asks to connect Mastodon first when no account is connected', async () => {
    const { root, sent } = await open([]);
    await pick(byTestId(root, 'group-source'), 'mastodon');
    expect(byTestId(root, 'group-mastodon-missing').textContent).toContain('Connect your Mastodon account');
    expect(sent).toHaveLength(0);
  });
});
