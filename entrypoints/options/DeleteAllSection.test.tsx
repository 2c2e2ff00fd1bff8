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

/** Signed in to Mastodon as "Sign in with Mastodon" leaves it: a token and TeamFollow's application there. */
async function signedInToMastodon() {
  await connectionsItem.setValue({ mastodon: { instance: 'social.example', token: 'oauth-token' } });
  await mastodonClientsItem.setValue({
    'social.example': { clientId: 'cid', clientSecret: 'csecret', redirectUri: 'https://x/', scopes: 'read' },
  });
}

/** Deletes all data through the dialog with `fetch`; resolves to the notice the page shows. */
async function deleteAllWith(fetch: (url: string, init?: RequestInit) => Promise<Response>): Promise<string> {
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
  return notices[0] ?? '';
}

it('revokes a signed-in Mastodon token on its instance, then deletes everything', async () => {
  await signedInToMastodon();
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 200 }));
  const notice = await deleteAllWith(fetch);
  expect(fetch).toHaveBeenCalledTimes(1);
  const [url, init] = fetch.mock.calls[0] ?? [];
  expect(url).toBe('https://social.example/oauth/revoke');
  expect(String(init?.body)).toBe('client_id=cid&client_secret=csecret&token=oauth-token');
  expect(notice).toMatch(/^All TeamFollow data in this browser was deleted\. .*revoked on social\.example/);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});

it('deletes everything even when the instance does not answer the revocation', async () => {
  await signedInToMastodon();
  const notice = await deleteAllWith(async () => {
    throw new TypeError('Failed to fetch');
  });
  expect(notice).toContain('All TeamFollow data in this browser was deleted.');
  expect(notice).not.toContain('oauth-token');
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});
