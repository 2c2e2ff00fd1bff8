// @vitest-environment happy-dom
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
import { connectionsItem, pacingItem } from '../../utils/settings';
import { ConnectionsSection } from './ConnectionsSection';

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

async function open(fetch = fakeFetch({})): Promise<HTMLElement> {
  page = await mount(<ConnectionsSection fetch={fetch} />);
  const root = page.container;
  await waitFor(() => allByTestId(root, 'connection').length === 3);
  return root;
}

async function reopen(fetch = fakeFetch({})): Promise<HTMLElement> {
  page.unmount();
  return open(fetch);
}

function card(root: HTMLElement, site: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-testid="connection"][data-site="${site}"]`);
  if (!found) throw new Error(`no ${site} card`);
  return found;
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

describe('Connected networks', () => {
  it('shows one card per API network, unconnected, with where the secrets go', async () => {
    const root = await open();
    const section = byTestId(root, 'connections');
    expect(allByTestId(section, 'connection').map((found) => found.dataset.site)).toEqual([
      'bluesky',
      'github',
      'mastodon',
    ]);
    for (const site of ['bluesky', 'github', 'mastodon']) {
      const where = card(root, site);
      expect(where.dataset.status).toBe('off');
      expect(input(where, 'connection-secret').type).toBe('password');
      expect(input(where, 'connection-secret').getAttribute('autocomplete')).toBe('off');
      expect(where.querySelector('[data-testid="connection-remove"]')).toBeNull();
      expect(input(where, 'pacing').dataset.site).toBe(site);
    }
    expect(card(root, 'bluesky').textContent).toContain('Settings → Privacy and security → App passwords');
    expect(card(root, 'github').textContent).toContain('user:follow');
    expect(card(root, 'mastodon').textContent).toContain('Preferences → Development → New application');
    expect(card(root, 'mastodon').textContent).toContain(
      'Stored in this browser’s extension storage, never sent anywhere except to Mastodon itself when you check or follow.',
    );
  });

  it('saves, then shows the stored values on reload without showing the secret again', async () => {
    let root = await open();
    const bluesky = card(root, 'bluesky');
    await typeInto(input(bluesky, 'connection-id'), ' @Alice.bsky.social ');
    await typeInto(input(bluesky, 'connection-secret'), 'abcd-efgh-ijkl-mnop');
    await typeInto(input(bluesky, 'pacing'), '15');
    await save(bluesky);
    expect(bluesky.textContent).toContain('Saved Bluesky.');
    const mastodon = card(root, 'mastodon');
    await typeInto(input(mastodon, 'connection-id'), 'https://Social.Example/@me');
    await typeInto(input(mastodon, 'connection-secret'), 'mastodon-token-123');
    await save(mastodon);

    expect(await connectionsItem.getValue()).toEqual({
      bluesky: { handle: 'alice.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
      mastodon: { instance: 'social.example', token: 'mastodon-token-123' },
    });
    expect(await pacingItem.getValue()).toEqual({ bluesky: 15 });

    root = await reopen();
    const again = card(root, 'bluesky');
    expect(again.dataset.status).toBe('follows');
    expect(input(again, 'connection-id').value).toBe('alice.bsky.social');
    expect(input(again, 'pacing').value).toBe('15');
    expect(byTestId(again, 'connection-secret-saved').textContent).toContain('••••');
    expect(again.querySelector('[data-testid="connection-secret"]')).toBeNull();
    expect(input(card(root, 'mastodon'), 'connection-id').value).toBe('social.example');
    expect(input(card(root, 'github'), 'pacing').value).toBe('');
    expect(input(card(root, 'github'), 'pacing').placeholder).toBe('10');
    // Neither secret appears anywhere in the page.
    expect(root.innerHTML).not.toContain('abcd-efgh');
    expect(root.innerHTML).not.toContain('mastodon-token');
  });

  it('keeps the handle alone when no app password is given: checks only', async () => {
    const root = await open();
    const github = card(root, 'github');
    await typeInto(input(github, 'connection-id'), 'https://github.com/Octo-Cat');
    await save(github);
    expect(await connectionsItem.getValue()).toEqual({ github: { login: 'octo-cat' } });
    expect(github.dataset.status).toBe('checks');
  });

  it('refuses an invalid handle or host, and a Mastodon connection without its token', async () => {
    const root = await open();
    const github = card(root, 'github');
    await typeInto(input(github, 'connection-id'), 'not a login!');
    await save(github);
    expect(byTestId(github, 'connection-error').textContent).toContain('Not a GitHub login');
    expect(input(github, 'connection-id').getAttribute('aria-invalid')).toBe('true');

    const bluesky = card(root, 'bluesky');
    await typeInto(input(bluesky, 'connection-id'), 'bsky.app/profile/alice');
    await save(bluesky);
    expect(byTestId(bluesky, 'connection-error').textContent).toContain('Not a Bluesky handle');

    const mastodon = card(root, 'mastodon');
    await typeInto(input(mastodon, 'connection-id'), 'not a host');
    await typeInto(input(mastodon, 'connection-secret'), 'token');
    await save(mastodon);
    expect(byTestId(mastodon, 'connection-error').textContent).toContain('Not an instance address');

    await typeInto(input(mastodon, 'connection-id'), 'social.example');
    await typeInto(input(mastodon, 'connection-secret'), '');
    await save(mastodon);
    expect(byTestId(mastodon, 'connection-error').textContent).toContain('Enter your access token');

    await typeInto(input(mastodon, 'connection-id'), '');
    await click(byTestId(mastodon, 'connection-test'));
    expect(mastodon.textContent).toContain('Enter your home instance');

    expect(await connectionsItem.getValue()).toEqual({});
    expect(await pacingItem.getValue()).toEqual({});
  });

  it('tests GitHub with the typed token and says who it belongs to', async () => {
    const fetch = fakeFetch({
      'https://api.github.com/user': {
        body: { login: 'Octocat' },
        headers: { 'x-oauth-scopes': 'repo, user:follow' },
      },
    });
    const root = await open(fetch);
    const github = card(root, 'github');
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
    const root = await open(fetch);
    const github = card(root, 'github');
    await typeInto(input(github, 'connection-id'), 'octocat');
    await save(github);
    const text = await testConnection(github);
    expect(text).toContain('Connected as octocat: checking works (60 requests an hour)');
    expect(text).not.toContain('not saved');
    expect(authorization(fetch)).toBeUndefined();
  });

  it('shows the refusal when the token does not work, the scope is missing or the limit is reached', async () => {
    const root = await open(
      fakeFetch({ 'https://api.github.com/user': { status: 401, body: { message: 'Bad credentials' } } }),
    );
    const github = card(root, 'github');
    await typeInto(input(github, 'connection-id'), 'octocat');
    await typeInto(input(github, 'connection-secret'), 'ghp_old');
    const refused = await testConnection(github);
    expect(refused).toContain('GitHub refused the token');
    expect(byTestId(github, 'connection-result').dataset.ok).toBe('false');

    const scoped = await reopen(
      fakeFetch({
        'https://api.github.com/user': { body: { login: 'octocat' }, headers: { 'x-oauth-scopes': 'repo' } },
      }),
    );
    await typeInto(input(card(scoped, 'github'), 'connection-id'), 'octocat');
    await typeInto(input(card(scoped, 'github'), 'connection-secret'), 'ghp_repo_only');
    expect(await testConnection(card(scoped, 'github'))).toContain('lacks the user:follow scope');

    const limited = await reopen(
      fakeFetch({
        'https://api.github.com/users/': {
          status: 403,
          body: { message: 'API rate limit exceeded' },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.now() / 1000 + 600) },
        },
      }),
    );
    await typeInto(input(card(limited, 'github'), 'connection-id'), 'octocat');
    expect(await testConnection(card(limited, 'github'))).toContain(
      "GitHub's rate limit is reached: try again after",
    );
  });

  it('tests Bluesky through the API client, reading the handle as yourself, then signs in with the app password', async () => {
    const fetch = fakeFetch(blueskyReads);
    const root = await open(fetch);
    const bluesky = card(root, 'bluesky');
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
    const again = card(await reopen(signIn), 'bluesky');
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
    const root = await open(
      fakeFetch({
        ...blueskyReads,
        'https://bsky.social/xrpc/com.atproto.server.createSession': {
          status: 401,
          body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' },
        },
      }),
    );
    const bluesky = card(root, 'bluesky');
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
    const root = await open(fetch);
    expect(await testConnection(card(root, 'mastodon'))).toBe(
      'Connected as me@social.example: checking and following work.',
    );
    expect(authorization(fetch)).toBe('Bearer saved-token');

    const refused = await reopen(
      fakeFetch({
        'https://social.example/api/v1/accounts/verify_credentials': {
          status: 401,
          body: { error: 'The access token is invalid' },
        },
      }),
    );
    expect(await testConnection(card(refused, 'mastodon'))).toContain('Mastodon refused the access token');
  });

  it('replaces a saved secret only with a new one, or deletes it on request', async () => {
    await connectionsItem.setValue({ bluesky: { handle: 'alice.bsky.social', appPassword: 'old-password' } });
    const root = await open();
    const bluesky = card(root, 'bluesky');
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

  it('disconnects one network, deleting its secret and keeping the others', async () => {
    await connectionsItem.setValue({
      github: { login: 'octocat', token: 'ghp_secret' },
      mastodon: { instance: 'social.example', token: 'mastodon-token' },
    });
    const root = await open();
    const mastodon = card(root, 'mastodon');
    await click(byTestId(mastodon, 'connection-remove'));
    await waitFor(() => mastodon.dataset.status === 'off');
    expect(mastodon.textContent).toContain(
      'Disconnected Mastodon: the access token is deleted from this browser.',
    );
    expect(input(mastodon, 'connection-id').value).toBe('');
    expect(await connectionsItem.getValue()).toEqual({ github: { login: 'octocat', token: 'ghp_secret' } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('mastodon-token');
    expect(mastodon.querySelector('[data-testid="connection-remove"]')).toBeNull();
  });

  it('raises a pacing below the network’s floor to the floor, and forgets an emptied one', async () => {
    const root = await open();
    const github = card(root, 'github');
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
