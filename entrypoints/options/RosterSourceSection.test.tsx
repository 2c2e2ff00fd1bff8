// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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
import { closeDb, getDb, listMembers } from '../../utils/db';
import { rosterSubscriptionItem } from '../../utils/settings';
import { RosterSourceSection } from './RosterSourceSection';

const ROSTER_URL = 'https://raw.example.org/team/roster.csv';
const PATTERN = 'https://raw.example.org/*';

let page: Mounted;
let served: string;
let fetch: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  served = 'name,x\nAda,ada\nBo,bo\n';
  fetch = vi.fn(async () => new Response(served, { headers: { 'content-type': 'text/csv' } }));
  vi.stubGlobal('fetch', fetch);
});

afterEach(async () => {
  page?.unmount();
  vi.unstubAllGlobals();
  await closeDb();
});

async function open(onImported = vi.fn(async () => {})) {
  page = await mount(<RosterSourceSection onImported={onImported} />);
  const root = page.container;
  await waitFor(() => !root.textContent?.includes('Loading…'));
  return root;
}

const summary = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('[data-testid="subscription-summary"]');

describe('subscribing', () => {
  it('asks for that one host synchronously in the click, then imports the file with its summary', async () => {
    const permissions = fakePermissions();
    const onImported = vi.fn(async () => {});
    const root = await open(onImported);
    await typeInto(byTestId(root, 'roster-source-input'), ` ${ROSTER_URL} `);
    byTestId(root, 'roster-source-subscribe').click();
    // No await between the click and the request: Firefox would lose the user gesture.
    expect(permissions.request).toHaveBeenCalledWith({ origins: [PATTERN] });
    const panel = await waitFor(() => summary(root));
    expect(panel.dataset.imported).toBe('2');
    expect(panel.textContent).toContain('roster.csv');
    expect(byTestId(root, 'roster-source-url').textContent).toBe(ROSTER_URL);
    expect(await rosterSubscriptionItem.getValue()).toMatchObject({ url: ROSTER_URL, ownPermission: true });
    expect((await listMembers(await getDb())).map((member) => member.name).sort()).toEqual(['Ada', 'Bo']);
    expect(onImported).toHaveBeenCalled();
  });

  it('refuses an address that is not https without asking', async () => {
    const permissions = fakePermissions();
    const root = await open();
    await typeInto(byTestId(root, 'roster-source-input'), 'http://raw.example.org/roster.csv');
    await click(byTestId(root, 'roster-source-subscribe'));
    expect(byTestId(root, 'roster-source-error').textContent).toContain('https://');
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('subscribes to nothing when the user refuses the permission', async () => {
    const permissions = fakePermissions();
    permissions.state.answer = false;
    const root = await open();
    await typeInto(byTestId(root, 'roster-source-input'), ROSTER_URL);
    await click(byTestId(root, 'roster-source-subscribe'));
    const error = await waitFor(() => root.querySelector('[data-testid="roster-source-error"]'));
    expect(error.textContent).toContain('not granted');
    expect(await rosterSubscriptionItem.getValue()).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the permission of a host the user had already granted (a Mastodon instance) when unsubscribing', async () => {
    const permissions = fakePermissions([PATTERN]);
    const root = await open();
    await typeInto(byTestId(root, 'roster-source-input'), ROSTER_URL);
    await click(byTestId(root, 'roster-source-subscribe'));
    await waitFor(() => summary(root));
    expect((await rosterSubscriptionItem.getValue())?.ownPermission).toBe(false);
    await click(byTestId(root, 'roster-source-remove'));
    await waitFor(() => root.querySelector('[data-testid="roster-source-input"]'));
    expect(permissions.remove).not.toHaveBeenCalled();
    expect(permissions.origins.has(PATTERN)).toBe(true);
  });
});

describe('subscribed', () => {
  it('refreshes on demand with the joiners and leavers, and removes leavers only on the click', async () => {
    fakePermissions([PATTERN]);
    await rosterSubscriptionItem.setValue({ url: ROSTER_URL, ownPermission: true });
    const root = await open();
    await click(byTestId(root, 'roster-source-refresh'));
    await waitFor(() => summary(root)?.dataset.imported === '2');

    served = 'name,x\nAda,ada\nCy,cy\n';
    await click(byTestId(root, 'roster-source-refresh'));
    const panel = await waitFor(() => (summary(root)?.dataset.leavers === '1' ? summary(root) : null));
    expect(byTestId(panel, 'import-joiners').textContent).toContain('Cy');
    expect(allByTestId(panel, 'leaver').map((li) => li.textContent)).toEqual(['Bo']);
    expect(await listMembers(await getDb())).toHaveLength(3);

    await click(byTestId(panel, 'remove-leavers'));
    const notice = await waitFor(() => root.querySelector('[data-testid="roster-source-notice"]'));
    expect(notice.textContent).toBe('Removed from the roster: Bo. Nobody was unfollowed.');
    expect(summary(root)?.dataset.leavers).toBe('0');
    expect((await listMembers(await getDb())).map((member) => member.name).sort()).toEqual(['Ada', 'Cy']);
    const kept = await rosterSubscriptionItem.getValue();
    expect(kept?.last?.ok && kept.last.summary.leavers).toEqual([]);
  });

  it('shows why a refresh failed, and that the roster is unchanged', async () => {
    fakePermissions([PATTERN]);
    fetch.mockImplementation(
      async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    );
    await rosterSubscriptionItem.setValue({ url: ROSTER_URL, ownPermission: true });
    const root = await open();
    await click(byTestId(root, 'roster-source-refresh'));
    const panel = await waitFor(() => summary(root));
    expect(panel.textContent).toContain('a web page, not a roster file');
    expect(panel.textContent).toContain('Your roster is unchanged');
    expect(byTestId(root, 'roster-source-last').dataset.ok).toBe('false');
  });

  it('gives back the permission it asked for when unsubscribing', async () => {
    const permissions = fakePermissions([PATTERN]);
    await rosterSubscriptionItem.setValue({ url: ROSTER_URL, ownPermission: true });
    const root = await open();
    await click(byTestId(root, 'roster-source-remove'));
    await waitFor(() => root.querySelector('[data-testid="roster-source-input"]'));
    expect(permissions.remove).toHaveBeenCalledWith({ origins: [PATTERN] });
    expect(await rosterSubscriptionItem.getValue()).toBeNull();
  });

  it('says a managed address is set by the organisation, offers no removal, and asks for the host on refresh', async () => {
    const permissions = fakePermissions();
    await rosterSubscriptionItem.setValue({ url: ROSTER_URL, ownPermission: false, managed: true });
    const root = await open();
    expect(byTestId(root, 'roster-source-managed').textContent).toContain('Set by your organisation');
    expect(root.querySelector('[data-testid="roster-source-remove"]')).toBeNull();
    const refresh = byTestId(root, 'roster-source-refresh');
    expect(refresh.textContent).toBe('Allow access to raw.example.org and refresh');
    refresh.click();
    expect(permissions.request).toHaveBeenCalledWith({ origins: [PATTERN] });
    await waitFor(() => summary(root)?.dataset.imported === '2');
  });

  it('shows the result of a refresh the background made while the page is open', async () => {
    fakePermissions([PATTERN]);
    await rosterSubscriptionItem.setValue({ url: ROSTER_URL, ownPermission: true });
    const root = await open();
    expect(root.textContent).toContain('Not read yet.');
    await rosterSubscriptionItem.setValue({
      url: ROSTER_URL,
      ownPermission: true,
      last: { at: Date.now(), ok: false, message: 'raw.example.org answered 503 for the roster file.' },
    });
    await waitFor(() => root.textContent?.includes('answered 503'));
  });
});
