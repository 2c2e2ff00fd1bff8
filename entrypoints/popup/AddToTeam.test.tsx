// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount, typeInto, waitFor } from '../../tests/helpers/mount';
import { closeDb, findMemberByAccount, getDb, listMembers, putMember } from '../../utils/db';
import type { ActiveProfile } from '../../utils/messages';
import { AddToTeam } from './AddToTeam';

let page: Mounted | undefined;
let sent: unknown[];

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true });
  });
  await putMember(await getDb(), {
    id: 'm1',
    name: 'Ada Quill',
    team: 'Core',
    accounts: [{ site: 'github', handle: 'adaquill' }],
    accountKeys: [],
  });
});

afterEach(async () => {
  page?.unmount();
  page = undefined;
  await closeDb();
});

const stranger: ActiveProfile = { site: 'x', handle: 'adaq', displayName: 'Ada Lindqvist', member: null };
const showing = (profile: ActiveProfile | null) => async () => profile;

describe('AddToTeam', () => {
  it('adds the stranger as a new teammate named from the page, the name edited first', async () => {
    page = await mount(<AddToTeam ask={showing(stranger)} />);
    const root = page.container;
    const name = await waitFor(() =>
      root.querySelector<HTMLInputElement>('[data-testid="add-to-team-name"]'),
    );
    expect(name.value).toBe('Ada Lindqvist');
    await typeInto(name, '  Ada L.  ');
    await click(byTestId(root, 'add-to-team'));
    await waitFor(() => root.querySelector('[data-testid="add-to-team-done"]'));
    expect(await findMemberByAccount(await getDb(), 'x', 'adaq')).toMatchObject({
      name: 'Ada L.',
      accounts: [{ site: 'x', handle: 'adaq' }],
      accountKeys: ['x:adaq'],
    });
    expect(sent).toContainEqual({ type: 'data-changed' });
  });

  it('adds the account to a teammate picked from the searchable list', async () => {
    await putMember(await getDb(), { id: 'm2', name: 'Bruno', accounts: [], accountKeys: [] });
    page = await mount(<AddToTeam ask={showing(stranger)} />);
    const root = page.container;
    const search = await waitFor(() =>
      root.querySelector<HTMLInputElement>('[data-testid="add-to-member-search"]'),
    );
    await waitFor(() => root.querySelectorAll('[data-testid="add-to-member"]').length === 2);
    await typeInto(search, 'core');
    const [ada, ...others] = root.querySelectorAll<HTMLElement>('[data-testid="add-to-member"]');
    expect(others).toHaveLength(0);
    expect(ada?.dataset.member).toBe('Ada Quill');
    await click(ada ?? null);
    await waitFor(() => root.querySelector('[data-testid="add-to-team-done"]'));
    expect((await findMemberByAccount(await getDb(), 'x', 'adaq'))?.accountKeys).toEqual([
      'x:adaq',
      'github:adaquill',
    ]);
    expect(await listMembers(await getDb())).toHaveLength(2);
  });

  it('offers nothing on a teammate’s profile or off profiles', async () => {
    page = await mount(<AddToTeam ask={showing({ ...stranger, member: { id: 'm1', name: 'Ada Quill' } })} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.container.querySelector('[data-testid="add-to-team"]')).toBeNull();
    page.unmount();
    page = await mount(<AddToTeam ask={showing(null)} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.container.innerHTML).toBe('');
  });

  it('refuses an account someone got meanwhile, and says who', async () => {
    page = await mount(<AddToTeam ask={showing({ ...stranger, site: 'github', handle: 'adaquill' })} />);
    const root = page.container;
    await click(await waitFor(() => root.querySelector('[data-testid="add-to-team"]')));
    const alert = await waitFor(() => root.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe('Not added: this account already belongs to Ada Quill');
    expect(await listMembers(await getDb())).toHaveLength(1);
  });
});
