import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension, openOptions } from './harness';
import { type Answer, type LocalHttps, startLocalHttps } from './https-server';

// "Sign in with Mastodon" in real Chromium against a local stand-in for a built-in instance (built in, so no
// permission prompt): registration, the browser's own auth window on the instance's consent page, the redirect back
// to identity.getRedirectURL(), the code exchange with PKCE, and the token saved where a pasted one goes.

const INSTANCE = 'mastodon.social';
const SCOPES = 'read:accounts read:follows read:search write:follows';

/** What the fake instance saw: the registration, the authorisation asked for, and the token exchange. */
const seen: { apps: unknown[]; authorize?: URLSearchParams; token?: URLSearchParams } = { apps: [] };
let registeredRedirect = '';

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

async function serve(request: IncomingMessage, body: string): Promise<Answer | undefined> {
  const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
  const json = (value: unknown, status = 200) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  if (url.hostname !== INSTANCE) return undefined;
  switch (`${request.method} ${url.pathname}`) {
    case 'GET /.well-known/oauth-authorization-server':
      return json({ issuer: `https://${INSTANCE}/`, code_challenge_methods_supported: ['S256'] });
    case 'POST /api/v1/apps': {
      const app = JSON.parse(body);
      seen.apps.push(app);
      registeredRedirect = app.redirect_uris;
      return json({ id: '1', name: app.client_name, client_id: 'cid', client_secret: 'csecret' });
    }
    case 'GET /oauth/authorize': {
      seen.authorize = url.searchParams;
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      // Mastodon's consent page, reduced to its one button.
      return {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!doctype html><title>Authorise</title><link rel="icon" href="data:,"><a id="authorise" href="${back}">Authorise</a>`,
      };
    }
    case 'POST /oauth/token': {
      const form = new URLSearchParams(body);
      seen.token = form;
      const challenge = seen.authorize?.get('code_challenge');
      const verified =
        base64Url(
          createHash('sha256')
            .update(form.get('code_verifier') ?? '')
            .digest(),
        ) === challenge;
      if (form.get('code') !== 'the-code' || form.get('client_secret') !== 'csecret' || !verified)
        return json({ error: 'invalid_grant' }, 400);
      return json({ access_token: 'oauth-token', token_type: 'Bearer', scope: SCOPES });
    }
    case 'GET /api/v1/accounts/verify_credentials':
      return request.headers.authorization === 'Bearer oauth-token'
        ? json({ id: '1', acct: 'Lead' })
        : json({ error: 'The access token is invalid' }, 401);
  }
  return undefined;
}

let server: LocalHttps;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startLocalHttps(serve);
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

    expect(seen.apps).toEqual([
      { client_name: 'TeamFollow', redirect_uris: registeredRedirect, scopes: SCOPES },
    ]);
    expect(registeredRedirect).toBe(`https://${ext.extensionId}.chromiumapp.org/`);
    expect(seen.authorize?.get('client_id')).toBe('cid');
    expect(seen.authorize?.get('code_challenge_method')).toBe('S256');
    expect(seen.token?.get('redirect_uri')).toBe(registeredRedirect);

    const stored = await ext.worker.evaluate(
      // @ts-expect-error: the worker's own `chrome`, not typed in this Node test file.
      () => chrome.storage.local.get(['connections', 'mastodonClients']),
    );
    expect(stored.connections).toEqual({ mastodon: { instance: INSTANCE, token: 'oauth-token' } });
    expect(stored.mastodonClients[INSTANCE]).toMatchObject({
      clientId: 'cid',
      redirectUri: registeredRedirect,
    });
    await page.close();
  });
});
