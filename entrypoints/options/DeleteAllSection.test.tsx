// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import { connectionsItem, mastodonClientsItem } from '../../utils/settings';
import { DeleteAllSection } from './DeleteAllSection';

let page: Mounted;
afterEach(() => page?.unmount());

async function openPage(count = 0): Promise<HTMLElement> {
  page = await mount(<DeleteAllSection count={count} onNotice={() => {}} onDeleted={async () => {}} />);
  return page.container;
}

it('says how many teammates it would remove', async () => {
  const root = await openPage(1);
  await click(byTestId(root, 'delete-all'));
  expect(byTestId(root, 'delete-all-text').textContent).toContain('This removes your roster (1 teammate)');
});

it('closes a dialog that the browser closed (Escape)', async () => {
  const root = await openPage();
  await click(byTestId(root, 'delete-all'));
  const dialog = byTestId<HTMLDialogElement>(root, 'delete-all-dialog');
  dialog.close();
  await waitFor(() => !root.querySelector('[data-testid="delete-all-dialog"]'));
});

it('revokes a signed-in Mastodon token on its instance, then deletes everything', async () => {
  await connectionsItem.setValue({ mastodon: { instance: 'social.example', token: 'oauth-token' } });
  await mastodonClientsItem.setValue({
    'social.example': { clientId: 'cid', clientSecret: 'csecret', redirectUri: 'https://x/', scopes: 'read' },
  });
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 200 }));
  const notices: string[] = [];
  page = await mount(
    <DeleteAllSection
      count={0}
      onNotice={(text) => notices.push(text)}
      onDeleted={async () => {}}
      fetch={fetch}
    />,
  );
  await click(byTestId(page.container, 'delete-all'));
  await click(byTestId(page.container, 'delete-all-confirm'));
  await waitFor(() => notices.length > 0);
  expect(fetch).toHaveBeenCalledTimes(1);
  const [url, init] = fetch.mock.calls[0] ?? [];
  expect(url).toBe('https://social.example/oauth/revoke');
  expect(String(init?.body)).toBe('client_id=cid&client_secret=csecret&token=oauth-token');
  expect(notices[0]).toMatch(
    /^All TeamFollow data in this browser was deleted\. .*revoked on social\.example/,
  );
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});

it('deletes everything even when the instance does not answer the revocation', async () => {
  await connectionsItem.setValue({ mastodon: { instance: 'social.example', token: 'oauth-token' } });
  await mastodonClientsItem.setValue({
    'social.example': { clientId: 'cid', clientSecret: 'csecret', redirectUri: 'https://x/', scopes: 'read' },
  });
  const fetch = vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
  const notices: string[] = [];
  page = await mount(
    <DeleteAllSection
      count={0}
      onNotice={(text) => notices.push(text)}
      onDeleted={async () => {}}
      fetch={fetch}
    />,
  );
  await click(byTestId(page.container, 'delete-all'));
  await click(byTestId(page.container, 'delete-all-confirm'));
  await waitFor(() => notices.length > 0);
  expect(notices[0]).toContain('All TeamFollow data in this browser was deleted.');
  expect(notices[0]).not.toContain('oauth-token');
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});
