import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLanguage } from '../../tests/helpers/i18n';
import { RateLimitError } from './http';
import {
  authorizeUrl,
  codeFromRedirect,
  MASTODON_SCOPES,
  type MastodonClient,
  pkcePair,
  revokeToken,
  type SignInDeps,
  SignInError,
  signInToMastodon,
} from './mastodon-signin';

const INSTANCE = 'social.example';
const BASE = `https://${INSTANCE}`;
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const SECRET = 'client-secret-never-shown';
const TOKEN = 'user-access-token';

type Route = { status?: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers by method and URL prefix and records every request; an unexpected one fails the test. */
function fakeFetch(routes: Record<string, Route | (() => never)>) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const key = Object.keys(routes).find((start) => `${init?.method ?? 'GET'} ${url}`.startsWith(start));
    if (!key) throw new Error(`unexpected request ${init?.method} ${url}`);
    const route = routes[key];
    if (typeof route === 'function') route();
    const { status = 200, body, headers = {} } = (route ?? {}) as Route;
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
}

const pkceMetadata: Route = {
  body: { issuer: `${BASE}/`, code_challenge_methods_supported: ['S256'], scopes_supported: ['read'] },
};
const registered: Route = {
  body: { id: '1', name: 'TeamFollow', client_id: 'client-id', client_secret: SECRET },
};
const granted: Route = { body: { access_token: TOKEN, token_type: 'Bearer', scope: MASTODON_SCOPES } };
const me: Route = { body: { id: '7', acct: 'Alice' } };

const happyRoutes = (): Record<string, Route> => ({
  [`GET ${BASE}/.well-known/oauth-authorization-server`]: pkceMetadata,
  [`POST ${BASE}/api/v1/apps`]: registered,
  [`POST ${BASE}/oauth/token`]: granted,
  [`GET ${BASE}/api/v1/accounts/verify_credentials`]: me,
});

/** An auth window that signs in at once: back to the redirect URL with a code and the state it was given. */
function approvingWindow(
  answer: (sent: URL) => string = (sent) => `code=the-code&state=${sent.searchParams.get('state')}`,
) {
  return vi.fn(async ({ url }: { url: string; interactive: boolean }) => {
    const sent = new URL(url);
    return `${sent.searchParams.get('redirect_uri')}?${answer(sent)}`;
  });
}

function depsWith(
  fetch: ReturnType<typeof fakeFetch>,
  launchWebAuthFlow: SignInDeps['launchWebAuthFlow'] = approvingWindow(),
  stored: Record<string, MastodonClient> = {},
) {
  const saveClient = vi.fn(async (instance: string, client: MastodonClient | undefined) => {
    if (client) stored[instance] = client;
    else delete stored[instance];
  });
  const deps: SignInDeps = {
    fetch,
    launchWebAuthFlow,
    redirectUri: REDIRECT,
    loadClient: async (instance) => stored[instance],
    saveClient,
  };
  return { deps, stored, saveClient };
}

const requestsTo = (fetch: ReturnType<typeof fakeFetch>, path: string) =>
  fetch.mock.calls.filter(([url]) => url.startsWith(`${BASE}${path}`));

/** What a sign-in threw; fails when it did not throw. */
async function failureOf(running: Promise<unknown>): Promise<Error> {
  try {
    await running;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('the sign-in did not fail');
}

afterEach(() => useLanguage('en'));

describe('signInToMastodon', () => {
  it('registers TeamFollow, signs in through the auth window with PKCE, and returns the token and the account', async () => {
    const fetch = fakeFetch(happyRoutes());
    const window = approvingWindow();
    const { deps, stored } = depsWith(fetch, window);

    expect(await signInToMastodon(INSTANCE, deps)).toEqual({ token: TOKEN, account: `alice@${INSTANCE}` });

    const [apps] = requestsTo(fetch, '/api/v1/apps');
    expect(JSON.parse(String(apps?.[1]?.body))).toEqual({
      client_name: 'TeamFollow',
      redirect_uris: REDIRECT,
      scopes: 'read:accounts read:follows read:search write:follows',
    });
    expect(stored[INSTANCE]).toEqual({
      clientId: 'client-id',
      clientSecret: SECRET,
      redirectUri: REDIRECT,
      scopes: MASTODON_SCOPES,
    });

    const opened = new URL(window.mock.calls[0]?.[0].url ?? '');
    expect(window.mock.calls[0]?.[0].interactive).toBe(true);
    expect(`${opened.origin}${opened.pathname}`).toBe(`${BASE}/oauth/authorize`);
    expect(opened.searchParams.get('response_type')).toBe('code');
    expect(opened.searchParams.get('client_id')).toBe('client-id');
    expect(opened.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(opened.searchParams.get('scope')).toBe(MASTODON_SCOPES);
    expect(opened.searchParams.get('state')).toMatch(/^[\w-]{22}$/);
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.toString()).not.toContain(SECRET);

    const [tokenCall] = requestsTo(fetch, '/oauth/token');
    const form = new URLSearchParams(String(tokenCall?.[1]?.body));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('client_secret')).toBe(SECRET);
    expect(form.get('redirect_uri')).toBe(REDIRECT);
    // The verifier sent at the exchange is the one whose S256 digest the authorization page received.
    const verifier = form.get('code_verifier') ?? '';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const challenge = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(opened.searchParams.get('code_challenge')).toBe(challenge);

    const [verify] = requestsTo(fetch, '/api/v1/accounts/verify_credentials');
    expect((verify?.[1]?.headers as Record<string, string> | undefined)?.Authorization).toBe(
      `Bearer ${TOKEN}`,
    );
  });

  it('reuses the saved application, and registers anew when the redirect URL changed', async () => {
    const fetch = fakeFetch(happyRoutes());
    const saved = {
      clientId: 'saved-id',
      clientSecret: 'saved-secret',
      redirectUri: REDIRECT,
      scopes: MASTODON_SCOPES,
    };
    const window = approvingWindow();
    await signInToMastodon(INSTANCE, depsWith(fetch, window, { [INSTANCE]: saved }).deps);
    expect(requestsTo(fetch, '/api/v1/apps')).toHaveLength(0);
    expect(new URL(window.mock.calls[0]?.[0].url ?? '').searchParams.get('client_id')).toBe('saved-id');

    const moved = { ...saved, redirectUri: 'https://other.chromiumapp.org/' };
    const { deps, stored } = depsWith(fetch, approvingWindow(), { [INSTANCE]: moved });
    await signInToMastodon(INSTANCE, deps);
    expect(requestsTo(fetch, '/api/v1/apps')).toHaveLength(1);
    expect(stored[INSTANCE]?.clientId).toBe('client-id');
  });

  it('signs in without PKCE on an instance older than 4.3 (no OAuth metadata)', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`GET ${BASE}/.well-known/oauth-authorization-server`]: { status: 404, body: { error: 'Not found' } },
    });
    const window = approvingWindow();
    expect((await signInToMastodon(INSTANCE, depsWith(fetch, window).deps)).token).toBe(TOKEN);
    expect(new URL(window.mock.calls[0]?.[0].url ?? '').searchParams.has('code_challenge')).toBe(false);
    const [tokenCall] = requestsTo(fetch, '/oauth/token');
    expect(new URLSearchParams(String(tokenCall?.[1]?.body)).has('code_verifier')).toBe(false);
  });

  it('ignores an answer whose state is not the one sent, and exchanges no code', async () => {
    const fetch = fakeFetch(happyRoutes());
    const window = approvingWindow(() => 'code=stolen-code&state=someone-else');
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch, window).deps));
    expect(error).toBeInstanceOf(SignInError);
    expect(error.message).toBe(
      'The answer from social.example does not belong to this sign-in, so TeamFollow ignored it. Sign in again.',
    );
    expect(requestsTo(fetch, '/oauth/token')).toHaveLength(0);
  });

  it.each([
    ['Chrome', 'The user did not approve access.'],
    ['Firefox', 'User cancelled or denied access.'],
  ])('says the window was closed when the user closes it (%s)', async (_browser, message) => {
    const fetch = fakeFetch(happyRoutes());
    const closed = vi.fn(async () => Promise.reject(new Error(message)));
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch, closed).deps));
    expect(error.message).toBe(
      'The sign-in window closed before social.example gave access. Sign in again when you are ready.',
    );
    expect(requestsTo(fetch, '/oauth/token')).toHaveLength(0);
  });

  it('says so when the user denies access on the instance', async () => {
    const window = approvingWindow(
      (sent) =>
        `error=access_denied&error_description=The+resource+owner+denied&state=${sent.searchParams.get('state')}`,
    );
    const error = await failureOf(
      signInToMastodon(INSTANCE, depsWith(fakeFetch(happyRoutes()), window).deps),
    );
    expect(error.message).toBe('You did not give TeamFollow access on social.example.');
  });

  it('gives the instance’s reason when it refuses the registration, and keeps nothing', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`POST ${BASE}/api/v1/apps`]: {
        status: 422,
        body: { error: 'Validation failed: Redirect URI must be an absolute URI.' },
      },
    });
    const window = approvingWindow();
    const { deps, saveClient } = depsWith(fetch, window);
    const error = await failureOf(signInToMastodon(INSTANCE, deps));
    expect(error.message).toBe(
      'social.example refused the sign-in: Validation failed: Redirect URI must be an absolute URI.',
    );
    expect(saveClient).not.toHaveBeenCalled();
    expect(window).not.toHaveBeenCalled();
  });

  it('names the rate limit when the instance limits registrations', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`POST ${BASE}/api/v1/apps`]: {
        status: 429,
        body: { error: 'Throttled' },
        headers: { 'retry-after': '300' },
      },
    });
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch).deps));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe('social.example has had too many sign-in attempts');
  });

  it('says the instance is unreachable when the network fails', async () => {
    const fetch = fakeFetch({
      [`GET ${BASE}/.well-known`]: () => {
        throw new TypeError('Failed to fetch');
      },
      [`POST ${BASE}/api/v1/apps`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch).deps));
    expect(error.message).toBe('Could not reach social.example. Check the address and your connection.');
  });

  it.each([
    [
      'a used or expired code',
      {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' },
      },
      'social.example did not accept the sign-in code (it is valid for 10 minutes, once). Sign in again.',
    ],
    [
      'a server error',
      { status: 503, body: { error: 'unavailable' } },
      'social.example is not answering properly (HTTP 503). Try again later.',
    ],
    [
      'an answer without a token',
      { status: 200, body: { token_type: 'Bearer' } },
      'social.example sent an answer TeamFollow could not read. Is it a Mastodon instance?',
    ],
    [
      'a token without write:follows',
      { status: 200, body: { access_token: TOKEN, scope: 'read:accounts read:follows read:search' } },
      'social.example did not grant write:follows. Sign in again and allow every permission.',
    ],
  ])('fails the token exchange clearly on %s, never showing a secret', async (_case, answer, message) => {
    const fetch = fakeFetch({ ...happyRoutes(), [`POST ${BASE}/oauth/token`]: answer });
    const { deps, stored } = depsWith(fetch);
    const error = await failureOf(signInToMastodon(INSTANCE, deps));
    expect(error.message).toBe(message);
    for (const secret of [SECRET, 'the-code', TOKEN]) expect(error.message).not.toContain(secret);
    expect(stored[INSTANCE]).toBeDefined();
    expect(requestsTo(fetch, '/api/v1/accounts/verify_credentials')).toHaveLength(0);
  });

  it('blots out a secret the instance echoes in its reason', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`POST ${BASE}/oauth/token`]: {
        status: 400,
        body: { error: 'invalid_request', error_description: `Bad secret ${SECRET} for code the-code` },
      },
    });
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch).deps));
    expect(error.message).toBe('social.example refused the sign-in: Bad secret … for code …');
  });

  it('forgets the saved application when the instance no longer knows it', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`POST ${BASE}/oauth/token`]: {
        status: 401,
        body: { error: 'invalid_client', error_description: `Client ${SECRET} authentication failed` },
      },
    });
    const saved = { clientId: 'gone', clientSecret: SECRET, redirectUri: REDIRECT, scopes: MASTODON_SCOPES };
    const { deps, stored } = depsWith(fetch, approvingWindow(), { [INSTANCE]: saved });
    const error = await failureOf(signInToMastodon(INSTANCE, deps));
    expect(error.message).toBe(
      'social.example no longer knows TeamFollow’s application. Sign in again to register it anew.',
    );
    expect(error.message).not.toContain(SECRET);
    expect(stored[INSTANCE]).toBeUndefined();
  });

  it('refuses a token that verify_credentials does not accept', async () => {
    const fetch = fakeFetch({
      ...happyRoutes(),
      [`GET ${BASE}/api/v1/accounts/verify_credentials`]: {
        status: 401,
        body: { error: 'The access token is invalid' },
      },
    });
    const error = await failureOf(signInToMastodon(INSTANCE, depsWith(fetch).deps));
    expect(error.message).toBe('social.example refused the sign-in: The access token is invalid');
  });

  it('speaks the UI language', async () => {
    useLanguage('de');
    const closed = vi.fn(async () => Promise.reject(new Error('The user did not approve access.')));
    const error = await failureOf(
      signInToMastodon(INSTANCE, depsWith(fakeFetch(happyRoutes()), closed).deps),
    );
    expect(error.message).toBe(
      'Das Anmeldefenster wurde geschlossen, bevor social.example Zugriff gewährt hat. Melde dich erneut an, wenn du so weit bist.',
    );
  });
});

describe('revokeToken', () => {
  const client: MastodonClient = {
    clientId: 'client-id',
    clientSecret: SECRET,
    redirectUri: REDIRECT,
    scopes: MASTODON_SCOPES,
  };

  it('posts the client and the token as a form to /oauth/revoke (RFC 7009)', async () => {
    const fetch = fakeFetch({ [`POST ${BASE}/oauth/revoke`]: { body: {} } });
    expect(await revokeToken(INSTANCE, client, TOKEN, fetch)).toEqual({ outcome: 'revoked' });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${BASE}/oauth/revoke`);
    expect(init?.method).toBe('POST');
    expect(((init?.headers ?? {}) as Record<string, string>)['Content-Type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(init?.body).toBeInstanceOf(URLSearchParams);
    expect(Object.fromEntries(init?.body as URLSearchParams)).toEqual({
      client_id: 'client-id',
      client_secret: SECRET,
      token: TOKEN,
    });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a 403 unauthorized_client as another application’s token (a pasted one)', async () => {
    const fetch = fakeFetch({
      [`POST ${BASE}/oauth/revoke`]: {
        status: 403,
        body: {
          error: 'unauthorized_client',
          error_description: 'You are not authorized to revoke this token',
        },
      },
    });
    expect(await revokeToken(INSTANCE, client, TOKEN, fetch)).toEqual({ outcome: 'notOurs' });
  });

  it.each([
    [
      'a network or CORS failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'social.example did not answer, or TeamFollow is not allowed there',
    ],
    ['a server error', { status: 502, body: undefined }, 'HTTP 502'],
    [
      'an unknown client',
      { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } },
      'Client authentication failed',
    ],
    [
      'a reason that echoes the secrets',
      { status: 400, body: { error: `bad token ${TOKEN} for ${SECRET}` } },
      'bad token … for …',
    ],
  ])('says it could not revoke on %s, never showing a secret', async (_case, answer, reason) => {
    const fetch = fakeFetch({ [`POST ${BASE}/oauth/revoke`]: answer });
    const revocation = await revokeToken(INSTANCE, client, TOKEN, fetch);
    expect(revocation).toEqual({ outcome: 'failed', reason });
    for (const secret of [SECRET, TOKEN]) expect(JSON.stringify(revocation)).not.toContain(secret);
  });
});

describe('the steps', () => {
  it('computes the PKCE pair of RFC 7636, appendix B', async () => {
    const bytes = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(await pkcePair(() => new Uint8Array(bytes))).toEqual({
      verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
  });

  it('builds the authorization address without the client secret', () => {
    const client = { clientId: 'id 1', clientSecret: SECRET, redirectUri: REDIRECT, scopes: MASTODON_SCOPES };
    const url = authorizeUrl(INSTANCE, client, 'st', 'ch');
    expect(url).toBe(
      `${BASE}/oauth/authorize?response_type=code&client_id=id+1&redirect_uri=https%3A%2F%2Fabcdefghijklmnop.chromiumapp.org%2F&scope=read%3Aaccounts+read%3Afollows+read%3Asearch+write%3Afollows&state=st&code_challenge=ch&code_challenge_method=S256`,
    );
  });

  it('reads the code only from the redirect URL with the right state', () => {
    expect(codeFromRedirect(`${REDIRECT}?code=c1&state=s1`, REDIRECT, 's1', INSTANCE)).toBe('c1');
    const wrong = [
      `${REDIRECT}?code=c1`,
      `https://evil.example/?code=c1&state=s1`,
      `${REDIRECT}?state=s1`,
      `${REDIRECT}?error=server_error&state=s1`,
      'not a url',
    ];
    for (const redirected of wrong)
      expect(() => codeFromRedirect(redirected, REDIRECT, 's1', INSTANCE), redirected).toThrow(SignInError);
  });
});
