import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMastodon, SIGNIN_SCOPES } from './fake-mastodon';
import { type ExtensionBrowser, launchExtension, openOptions } from './harness';
import { type LocalHttps, startLocalHttps } from './https-server';

// "Sign in with Mastodon" in real Chromium against a local stand-in for a built-in instance (built in, so no
// permission prompt): registration, the browser's own auth window on the instance's consent page, the redirect back
// to identity.getRedirectURL(), the code exchange with PKCE, the token saved where a pasted one goes, and its
// revocation on the instance (POST /oauth/revoke) when the connection is disconnected.

const INSTANCE = 'mastodon.social';
const instance = fakeMastodon(INSTANCE);
const { seen } = instance;

let server: LocalHttps;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startLocalHttps(instance.serve);
  ext = await launchExtension(server.chromiumArgs([INSTANCE]));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const card = (page: Page) => page.locator('[data-testid="connection"][data-site="mastodon"]');

describe('Sign in with Mastodon', () => {
  it('signs in through the browser’s auth window and saves the token', async () => {
    const page = await openOptions(ext);
    const mastodon = card(page);
    await mastodon.locator('[data-testid="connection-id"]').fill(INSTANCE);
    const authWindow = ext.context.waitForEvent('page', {
      predicate: (opened) => opened.url().startsWith(`https://${INSTANCE}/oauth/authorize`),
    });
    await mastodon.locator('[data-testid="connection-signin"]').click();
    const consent = await authWindow;
    await consent.locator('#authorise').click();

    const result = mastodon.locator('[data-testid="connection-result"]');
    await expect
      .poll(() => result.textContent())
      .toBe('Signed in as lead@mastodon.social: checking and following work.');
    expect(await mastodon.getAttribute('data-status')).toBe('follows');

    const redirect = `https://${ext.extensionId}.chromiumapp.org/`;
    expect(seen.apps).toEqual([
      { client_name: 'TeamFollow', redirect_uris: redirect, scopes: SIGNIN_SCOPES },
    ]);
    expect(seen.authorize?.get('client_id')).toBe('cid');
    expect(seen.authorize?.get('code_challenge_method')).toBe('S256');
    expect(seen.token?.get('redirect_uri')).toBe(redirect);

    const stored = await ext.worker.evaluate(
      // @ts-expect-error: the worker's own `chrome`, not typed in this Node test file.
      () => chrome.storage.local.get(['connections', 'mastodonClients']),
    );
    expect(stored.connections).toEqual({ mastodon: { instance: INSTANCE, token: 'oauth-token' } });
    expect(stored.mastodonClients[INSTANCE]).toMatchObject({
      clientId: 'cid',
      redirectUri: redirect,
    });
    await page.close();
  });

  it('revokes the token on the instance when disconnected, and deletes it here', async () => {
    const page = await openOptions(ext);
    const mastodon = card(page);
    expect(await mastodon.getAttribute('data-status')).toBe('follows');
    await mastodon.locator('[data-testid="connection-remove"]').click();
    await expect.poll(() => mastodon.getAttribute('data-status')).toBe('off');
    expect(await mastodon.locator('[data-testid="connection-notice"]').textContent()).toBe(
      'Disconnected Mastodon: the access token is revoked on mastodon.social and deleted from this browser.',
    );
    expect(seen.revoked).toEqual(['oauth-token']);
    const stored = await ext.worker.evaluate(
      // @ts-expect-error: the worker's own `chrome`, not typed in this Node test file.
      () => chrome.storage.local.get('connections'),
    );
    expect(stored.connections).toEqual({});
    await page.close();
  });
});
