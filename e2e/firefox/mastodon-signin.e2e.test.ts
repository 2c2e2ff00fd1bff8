import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMastodon, SIGNIN_SCOPES, startTunnel } from '../fake-mastodon';
import { type LocalHttps, startLocalHttps } from '../https-server';
import { type FirefoxExtension, launchFirefoxExtension } from './harness';

// "Sign in with Mastodon" in firefox-esr: Firefox's own auth window (a browser window of its own, not a tab) on the
// stand-in instance's consent page, and the redirect to Firefox's getRedirectURL() (*.extensions.allizom.org).
// Firefox reaches the stand-in through a local proxy, as it has no host-resolver rules.

const INSTANCE = 'mastodon.social';
const instance = fakeMastodon(INSTANCE);

let server: LocalHttps;
let tunnel: Awaited<ReturnType<typeof startTunnel>>;
let ff: FirefoxExtension;

beforeAll(async () => {
  server = await startLocalHttps(instance.serve);
  tunnel = await startTunnel(
    server.port,
    (host) => host === INSTANCE || host.endsWith('.extensions.allizom.org'),
  );
  ff = await launchFirefoxExtension({ proxyPort: tunnel.port });
});
afterAll(async () => {
  await ff?.close();
  await tunnel?.close();
  await server?.close();
});

const CARD = '[data-testid="connection"][data-site="mastodon"]';

describe('Sign in with Mastodon (Firefox)', () => {
  it('signs in through Firefox’s auth window, saves the token, and revokes it on disconnect', async () => {
    const page = await ff.openExtensionPage('options.html', `${CARD} [data-testid="connection-signin"]`);
    await page.type(`${CARD} [data-testid="connection-id"]`, INSTANCE);
    const authWindow = ff.browser.waitForTarget((target) =>
      target.url().startsWith(`https://${INSTANCE}/oauth/authorize`),
    );
    await page.click(`${CARD} [data-testid="connection-signin"]`);
    const consent = await (await authWindow).page();
    await consent?.waitForSelector('#authorise');
    await consent?.click('#authorise');

    const result = await page.waitForSelector(`${CARD} [data-testid="connection-result"]`, {
      timeout: 20_000,
    });
    expect(await result?.evaluate((el) => el.textContent)).toBe(
      'Signed in as lead@mastodon.social: checking and following work.',
    );
    const redirect = instance.seen.apps[0]?.redirect_uris ?? '';
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    expect(instance.seen.apps).toEqual([
      { client_name: 'TeamFollow', redirect_uris: redirect, scopes: SIGNIN_SCOPES },
    ]);
    expect(instance.seen.authorize?.get('code_challenge_method')).toBe('S256');
    expect(await page.$eval(CARD, (el) => el.getAttribute('data-status'))).toBe('follows');

    // Disconnecting revokes the token on the instance, though /oauth/revoke answers without CORS headers.
    await page.click(`${CARD} [data-testid="connection-remove"]`);
    await page.waitForSelector(`${CARD}[data-status="off"]`);
    expect(await page.$eval(`${CARD} [data-testid="connection-notice"]`, (el) => el.textContent)).toBe(
      'Disconnected Mastodon: the access token is revoked on mastodon.social and deleted from this browser.',
    );
    expect(instance.seen.revoked).toEqual(['oauth-token']);
    await page.close();
  });
});
