// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLanguage } from '../../tests/helpers/i18n';
import { byTestId, click, type Mounted, mount, typeInto, waitFor } from '../../tests/helpers/mount';
import type { ApiSite } from '../../utils/api/networks';
import { connectionsItem, mastodonClientsItem, pacingItem } from '../../utils/settings';
import { ConnectionCard } from './ConnectionCard';
import { CONNECTION_FORMS } from './network-forms';
import { savedOf } from './saved-connection';

type Route = { status?: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers by URL prefix and records every request; an unexpected URL fails the test. */
function fakeFetch(routes: Record<string, Route>) {
  return vi.fn(async (url: string, _init?: RequestInit) => {
    const prefix = Object.keys(routes).find((start) => url.startsWith(start));
    if (!prefix) throw new Error(`unexpected request ${url}`);
    const { status = 200, body, headers = {} } = routes[prefix] ?? {};
    return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
}

const ALICE_DID = 'did:plc:ujzdegxdncf32epf3dhodzdo';
const APPVIEW = 'https://public.api.bsky.app/xrpc';
const blueskyReads: Record<string, Route> = {
  [`${APPVIEW}/com.atproto.identity.resolveHandle`]: { body: { did: ALICE_DID } },
  [`${APPVIEW}/app.bsky.actor.getProfiles`]: {
    body: { profiles: [{ did: ALICE_DID, handle: 'alice.bsky.social' }] },
  },
};

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => page?.unmount());

/** Mounts one network's card with what is saved, the way its section does; resolves to the card. */
async function openCard(site: ApiSite, fetch = fakeFetch({})): Promise<HTMLElement> {
  const [connections, pacing] = await Promise.all([connectionsItem.getValue(), pacingItem.getValue()]);
  const network = CONNECTION_FORMS.find((form) => form.site === site);
  if (!network) throw new Error(`no ${site} form`);
  const card = (
    <ConnectionCard
      network={network}
      initial={savedOf(connections, site)}
      initialPacing={pacing[site]}
      fetch={fetch}
    />
  );
  page = await mount(card);
  return byTestId(page.container, 'connection');
}

async function reopenCard(site: ApiSite, fetch = fakeFetch({})): Promise<HTMLElement> {
  page.unmount();
  return openCard(site, fetch);
}

/** The Authorization header of the nth request the fake saw. */
function authorization(fetch: ReturnType<typeof fakeFetch>, nth = 0): string | undefined {
  const headers = (fetch.mock.calls[nth]?.[1]?.headers ?? {}) as Record<string, string>;
  return headers.Authorization;
}

const input = (where: HTMLElement, id: string) => byTestId<HTMLInputElement>(where, id);

async function save(where: HTMLElement) {
  await click(byTestId(where, 'connection-save'));
  await waitFor(() => !byTestId<HTMLButtonElement>(where, 'connection-save').disabled);
}

async function testConnection(where: HTMLElement): Promise<string> {
  await click(byTestId(where, 'connection-test'));
  return (await waitFor(() => where.querySelector('[data-testid="connection-result"]')))?.textContent ?? '';
}

describe('Connection card', () => {
  it('keeps the handle alone when no app password is given: checks only', async () => {
    const github = await openCard('github');
    await typeInto(input(github, 'connection-id'), 'https://github.com/Octo-Cat');
    await save(github);
    expect(await connectionsItem.getValue()).toEqual({ github: { login: 'octo-cat' } });
    expect(github.dataset.status).toBe('checks');
  });

  it('tests GitHub with the typed token and says who it belongs to', async () => {
    const fetch = fakeFetch({
      'https://api.github.com/user': {
        body: { login: 'Octocat' },
        headers: { 'x-oauth-scopes': 'repo, user:follow' },
      },
    });
    const github = await openCard('github', fetch);
    await typeInto(input(github, 'connection-id'), 'octocat');
    await typeInto(input(github, 'connection-secret'), 'ghp_secret');
    expect(await testConnection(github)).toBe(
      'Connected as octocat: checking and following work (not saved yet).',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('https://api.github.com/user');
    expect(authorization(fetch)).toBe('Bearer ghp_secret');
  });

  it('tests GitHub without a token through the public API', async () => {
    const fetch = fakeFetch({ 'https://api.github.com/users/octocat': { body: { login: 'octocat' } } });
    const github = await openCard('github', fetch);
    await typeInto(input(github, 'connection-id'), 'octocat');
    await save(github);
    const text = await testConnection(github);
    expect(text).toContain('Connected as octocat: checking works (60 requests an hour)');
    expect(text).not.toContain('not saved');
    expect(authorization(fetch)).toBeUndefined();
  });

  it('shows the refusal when the token does not work, the scope is missing or the limit is reached', async () => {
    const github = await openCard(
      'github',
      fakeFetch({ 'https://api.github.com/user': { status: 401, body: { message: 'Bad credentials' } } }),
    );
    await typeInto(input(github, 'connection-id'), 'octocat');
    await typeInto(input(github, 'connection-secret'), 'ghp_old');
    const refused = await testConnection(github);
    expect(refused).toContain('GitHub refused the token');
    expect(byTestId(github, 'connection-result').dataset.ok).toBe('false');

    const scoped = await reopenCard(
      'github',
      fakeFetch({
        'https://api.github.com/user': { body: { login: 'octocat' }, headers: { 'x-oauth-scopes': 'repo' } },
      }),
    );
    await typeInto(input(scoped, 'connection-id'), 'octocat');
    await typeInto(input(scoped, 'connection-secret'), 'ghp_repo_only');
    expect(await testConnection(scoped)).toContain('lacks the user:follow scope');

    const limited = await reopenCard(
      'github',
      fakeFetch({
        'https://api.github.com/users/': {
          status: 403,
          body: { message: 'API rate limit exceeded' },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.now() / 1000 + 600) },
        },
      }),
    );
    await typeInto(input(limited, 'connection-id'), 'octocat');
    expect(await testConnection(limited)).toContain("GitHub's rate limit is reached: try again after");
  });

  it('tests Bluesky through the API client, reading the handle as yourself, then signs in with the app password', async () => {
    const fetch = fakeFetch(blueskyReads);
    const bluesky = await openCard('bluesky', fetch);
    await typeInto(input(bluesky, 'connection-id'), 'alice');
    expect(await testConnection(bluesky)).toBe(
      'Connected as alice.bsky.social: checking works; add an app password to follow (not saved yet).',
    );
    expect(fetch.mock.calls.every(([url]) => url.startsWith(APPVIEW))).toBe(true);

    const signIn = fakeFetch({
      ...blueskyReads,
      'https://bsky.social/xrpc/com.atproto.server.createSession': {
        body: { did: ALICE_DID, handle: 'alice.bsky.social', accessJwt: 'jwt' },
      },
    });
    const again = await reopenCard('bluesky', signIn);
    await typeInto(input(again, 'connection-id'), 'alice.bsky.social');
    await typeInto(input(again, 'connection-secret'), 'abcd-efgh-ijkl-mnop');
    expect(await testConnection(again)).toContain(
      'Connected as alice.bsky.social: checking and following work',
    );
    const session = signIn.mock.calls.find(([url]) => url.includes('createSession'));
    expect(JSON.parse(String(session?.[1]?.body))).toEqual({
      identifier: 'alice.bsky.social',
      password: 'abcd-efgh-ijkl-mnop',
    });
  });

  it('shows Bluesky’s refusal of a wrong app password', async () => {
    const bluesky = await openCard(
      'bluesky',
      fakeFetch({
        ...blueskyReads,
        'https://bsky.social/xrpc/com.atproto.server.createSession': {
          status: 401,
          body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' },
        },
      }),
    );
    await typeInto(input(bluesky, 'connection-id'), 'alice.bsky.social');
    await typeInto(input(bluesky, 'connection-secret'), 'wrong');
    expect(await testConnection(bluesky)).toBe(
      'Bluesky refused the app password: check it, or create a new one',
    );
  });

  it('tests Mastodon with the saved token on the home instance', async () => {
    await connectionsItem.setValue({ mastodon: { instance: 'social.example', token: 'saved-token' } });
    const fetch = fakeFetch({
      'https://social.example/api/v1/accounts/verify_credentials': { body: { id: '1', acct: 'Me' } },
    });
    const mastodon = await openCard('mastodon', fetch);
    expect(await testConnection(mastodon)).toBe(
      'Connected as me@social.example: checking and following work.',
    );
    expect(authorization(fetch)).toBe('Bearer saved-token');

    const refused = await reopenCard(
      'mastodon',
      fakeFetch({
        'https://social.example/api/v1/accounts/verify_credentials': {
          status: 401,
          body: { error: 'The access token is invalid' },
        },
      }),
    );
    expect(await testConnection(refused)).toContain('Mastodon refused the access token');
  });

  it('replaces a saved secret only with a new one, or deletes it on request', async () => {
    await connectionsItem.setValue({ bluesky: { handle: 'alice.bsky.social', appPassword: 'old-password' } });
    const bluesky = await openCard('bluesky');
    await click(byTestId(bluesky, 'connection-secret-replace'));
    expect(input(bluesky, 'connection-secret').value).toBe('');
    await save(bluesky);
    expect(byTestId(bluesky, 'connection-error').textContent).toContain('Enter the new app password');
    expect((await connectionsItem.getValue()).bluesky?.appPassword).toBe('old-password');

    await typeInto(input(bluesky, 'connection-secret'), 'new-password');
    await save(bluesky);
    expect((await connectionsItem.getValue()).bluesky?.appPassword).toBe('new-password');
    expect(bluesky.querySelector('[data-testid="connection-secret"]')).toBeNull();

    await click(byTestId(bluesky, 'connection-secret-remove'));
    await waitFor(() => bluesky.dataset.status === 'checks');
    expect(await connectionsItem.getValue()).toEqual({ bluesky: { handle: 'alice.bsky.social' } });
  });

  it('raises a pacing below the network’s floor to the floor, and forgets an emptied one', async () => {
    const github = await openCard('github');
    await typeInto(input(github, 'connection-id'), 'octocat');
    await typeInto(input(github, 'pacing'), '1');
    await save(github);
    expect(await pacingItem.getValue()).toEqual({ github: 7.2 });
    expect(input(github, 'pacing').value).toBe('7.2');
    expect(github.textContent).toContain('raised to 7.2 s');

    await typeInto(input(github, 'pacing'), '');
    await save(github);
    expect(await pacingItem.getValue()).toEqual({});
  });
});

describe('Sign in with Mastodon', () => {
  const REDIRECT = 'https://test-extension-id.chromiumapp.org/';
  const signInRoutes: Record<string, Route> = {
    'https://social.example/.well-known/oauth-authorization-server': {
      body: { code_challenge_methods_supported: ['S256'] },
    },
    'https://social.example/api/v1/apps': { body: { client_id: 'cid', client_secret: 'csecret' } },
    'https://social.example/oauth/token': {
      body: { access_token: 'oauth-token', scope: 'read:accounts read:follows read:search write:follows' },
    },
    'https://social.example/api/v1/accounts/verify_credentials': { body: { id: '1', acct: 'Me' } },
  };

  /** The browser's side: the permission prompt answers `allowed`, the auth window signs in at once. */
  function browserAnswers(allowed: boolean) {
    const order: string[] = [];
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
      order.push('permission');
      return allowed;
    });
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
    const launch = vi
      .spyOn(fakeBrowser.identity, 'launchWebAuthFlow')
      .mockImplementation(async ({ url }: { url: string }) => {
        order.push('window');
        return `${REDIRECT}?code=c&state=${new URL(url).searchParams.get('state')}`;
      });
    return { order, request, launch };
  }

  afterEach(() => vi.restoreAllMocks());

  it('asks for the instance from the click, signs in, and saves the token as a pasted one would be', async () => {
    const { order, request } = browserAnswers(true);
    const mastodon = await openCard('mastodon', fakeFetch(signInRoutes));
    expect(byTestId<HTMLDetailsElement>(mastodon, 'connection-paste').open).toBe(false);
    await typeInto(input(mastodon, 'connection-id'), 'https://Social.Example/@me');
    // Asked synchronously in the click, before any await (Firefox drops the gesture after one): no act() here.
    byTestId(mastodon, 'connection-signin').click();
    expect(request).toHaveBeenCalledWith({ origins: ['https://social.example/*'] });

    const result = await waitFor(() => mastodon.querySelector('[data-testid="connection-result"]'));
    expect(result.textContent).toBe('Signed in as me@social.example: checking and following work.');
    expect(order).toEqual(['permission', 'window']);
    expect(await connectionsItem.getValue()).toEqual({
      mastodon: { instance: 'social.example', token: 'oauth-token' },
    });
    expect(mastodon.dataset.status).toBe('follows');
    expect(byTestId(mastodon, 'connection-secret-saved')).toBeTruthy();
    expect(mastodon.textContent).not.toContain('oauth-token');
    expect(mastodon.textContent).not.toContain('csecret');
  });

  it('still signs in when the instance’s pages are not allowed, and says the flag stays off there', async () => {
    browserAnswers(false);
    const mastodon = await openCard('mastodon', fakeFetch(signInRoutes));
    await typeInto(input(mastodon, 'connection-id'), 'social.example');
    await click(byTestId(mastodon, 'connection-signin'));
    const result = await waitFor(() => mastodon.querySelector('[data-testid="connection-result"]'));
    expect(result.textContent).toContain(
      'Profiles on social.example show no flag until you allow TeamFollow there',
    );
    expect((await connectionsItem.getValue()).mastodon?.token).toBe('oauth-token');
  });

  it('says when the window was closed, saves nothing, and offers the pasted token', async () => {
    browserAnswers(false);
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockRejectedValue(
      new Error('The user did not approve access.'),
    );
    const mastodon = await openCard('mastodon', fakeFetch(signInRoutes));
    await typeInto(input(mastodon, 'connection-id'), 'social.example');
    await click(byTestId(mastodon, 'connection-signin'));
    const result = await waitFor(() => mastodon.querySelector('[data-ok="false"]'));
    expect(result.textContent).toBe(
      'The sign-in window closed before social.example gave access. Sign in again when you are ready.',
    );
    expect(await connectionsItem.getValue()).toEqual({});

    // Saving without a token unfolds "Paste a token instead" to show what is missing.
    await save(mastodon);
    expect(byTestId<HTMLDetailsElement>(mastodon, 'connection-paste').open).toBe(true);
    expect(byTestId(mastodon, 'connection-error').textContent).toContain('Enter your access token');
  });

  it('asks for the instance first, and opens nothing without one', async () => {
    const { request, launch } = browserAnswers(true);
    const mastodon = await openCard('mastodon');
    await click(byTestId(mastodon, 'connection-signin'));
    expect(byTestId(mastodon, 'connection-error').textContent).toBe(
      'Enter your home instance first, like mastodon.social.',
    );
    expect(request).not.toHaveBeenCalled();
    expect(launch).not.toHaveBeenCalled();
  });
});

describe('Disconnecting Mastodon', () => {
  const client = {
    clientId: 'cid',
    clientSecret: 'csecret',
    redirectUri: 'https://test-extension-id.chromiumapp.org/',
    scopes: 'read:accounts read:follows read:search write:follows',
  };

  /** Saved as after "Sign in with Mastodon" (with TeamFollow's application) or after pasting (`signedIn` false). */
  async function connected(signedIn: boolean) {
    await connectionsItem.setValue({
      github: { login: 'octocat' },
      mastodon: { instance: 'social.example', token: 'oauth-token' },
    });
    if (signedIn) await mastodonClientsItem.setValue({ 'social.example': client });
  }

  /** Presses Disconnect; resolves to what the card says once the connection is gone. */
  async function disconnect(where: HTMLElement): Promise<string> {
    await click(byTestId(where, 'connection-remove'));
    await waitFor(() => where.dataset.status === 'off');
    return byTestId(where, 'connection-notice').textContent ?? '';
  }

  async function expectGone() {
    expect(await connectionsItem.getValue()).toEqual({ github: { login: 'octocat' } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get('connections'))).not.toContain('oauth-token');
  }

  it('revokes a signed-in token on the instance, then deletes it here', async () => {
    await connected(true);
    const fetch = fakeFetch({ 'https://social.example/oauth/revoke': { body: {} } });
    const mastodon = await openCard('mastodon', fetch);
    expect(await disconnect(mastodon)).toBe(
      'Disconnected Mastodon: the access token is revoked on social.example and deleted from this browser.',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://social.example/oauth/revoke');
    expect(String(init?.body)).toBe('client_id=cid&client_secret=csecret&token=oauth-token');
    await expectGone();
    // The application stays for the next sign-in, so the instance need not register another.
    expect(await mastodonClientsItem.getValue()).toEqual({ 'social.example': client });
  });

  it.each([
    [
      'unreachable (no host permission: /oauth/revoke has no CORS)',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
      'social.example did not answer, or TeamFollow is not allowed there',
    ],
    ['failing', fakeFetch({ 'https://social.example/oauth/revoke': { status: 500, body: {} } }), 'HTTP 500'],
  ])(
    'still disconnects when the instance is %s, and says where to revoke by hand',
    async (_case, fetch, reason) => {
      await connected(true);
      const mastodon = await openCard('mastodon', fetch);
      const said = await disconnect(mastodon);
      expect(said).toBe(
        `Disconnected Mastodon: the access token is deleted from this browser, but TeamFollow could not revoke it on social.example (${reason}). Revoke it there under Preferences → Account → Authorized apps.`,
      );
      expect(said).not.toContain('oauth-token');
      expect(said).not.toContain('csecret');
      await expectGone();
    },
  );

  const PASTED =
    'Disconnected Mastodon: the access token is deleted from this browser. A pasted token keeps working on social.example until you delete its application there under Preferences → Development.';

  it('sends nothing for a pasted token (no application of TeamFollow’s), and says where to revoke it', async () => {
    await connected(false);
    const fetch = fakeFetch({});
    const mastodon = await openCard('mastodon', fetch);
    expect(await disconnect(mastodon)).toBe(PASTED);
    expect(fetch).not.toHaveBeenCalled();
    await expectGone();
  });

  it('reads the instance’s “not your application’s token” as a pasted token', async () => {
    await connected(true);
    const fetch = fakeFetch({
      'https://social.example/oauth/revoke': { status: 403, body: { error: 'unauthorized_client' } },
    });
    const mastodon = await openCard('mastodon', fetch);
    expect(await disconnect(mastodon)).toBe(PASTED);
    await expectGone();
  });

  it('speaks the UI language', async () => {
    useLanguage('de');
    try {
      await connected(true);
      const mastodon = await openCard(
        'mastodon',
        fakeFetch({ 'https://social.example/oauth/revoke': { body: {} } }),
      );
      expect(await disconnect(mastodon)).toBe(
        'Mastodon getrennt: Das Zugriffstoken ist auf social.example widerrufen und aus diesem Browser gelöscht.',
      );
    } finally {
      useLanguage('en');
    }
  });
});
