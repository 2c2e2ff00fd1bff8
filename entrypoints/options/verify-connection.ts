import * as v from 'valibot';
import { createBlueskyApi } from '../../utils/api/bluesky';
import {
  ApiError,
  answeredHttp,
  errorBody,
  type Fetch,
  RateLimitError,
  rateLimitText,
  readJson,
  retryAt,
  send,
  serverTrouble,
} from '../../utils/api/http';
import { type ApiSite, NETWORKS } from '../../utils/api/networks';
import { type MessageKey, t } from '../../utils/i18n/index';

// The options page's "Test" button: one real request per network, with the person's own credentials, that proves
// the connection works before a "Follow all" depends on it.

export interface Verified {
  /** Who the network says the credentials belong to. */
  account: string;
  /** Whether follow() can work with these credentials. */
  canFollow: boolean;
}

const GitHubUserSchema = v.object({ login: v.string() });
const MastodonAccountSchema = v.object({ acct: v.string() });
const BlueskySessionSchema = v.object({ handle: v.string() });

// Each network's credential refused, said whole: languages decline the credential's name differently.
const SECRET_REFUSED: Record<ApiSite, MessageKey> = {
  bluesky: 'options_verify_refused_bluesky',
  github: 'options_verify_refused_github',
  mastodon: 'options_verify_refused_mastodon',
};

/** The error for a non-2xx answer, worded like the API clients word theirs. */
async function failure(site: ApiSite, response: Response): Promise<Error> {
  const { status, headers } = response;
  const { error, message } = await errorBody(response);
  const name = NETWORKS[site].name;
  if (status === 429 || (status === 403 && headers.get('x-ratelimit-remaining') === '0'))
    return new RateLimitError(rateLimitText(name), retryAt(headers, Date.now(), NETWORKS[site].reset));
  if (error === 'AuthFactorTokenRequired') return new ApiError(t('options_verify_emailCode'), 401);
  if (status === 401) return new ApiError(t(SECRET_REFUSED[site]), 401);
  if (status >= 500) return serverTrouble(name, status);
  return answeredHttp(name, status, message ?? error);
}

/** Checks the handle through the API client (your own handle must read as yourself), then signs in once with the app password. */
async function verifyBluesky(
  handle: string,
  appPassword: string | undefined,
  fetch: Fetch,
): Promise<Verified> {
  const me = (await createBlueskyApi({ handle, fetch }).check([handle])).get(handle);
  if (me?.state !== 'self') throw new ApiError(t('options_verify_blueskyUnknown', { handle }), 404);
  if (!appPassword) return { account: handle, canFollow: false };
  const response = await send(fetch, 'Bluesky', 'https://bsky.social/xrpc/com.atproto.server.createSession', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: handle, password: appPassword }),
  });
  // XRPC answers a wrong identifier or password with 401 AuthenticationRequired (400 on older servers).
  if (response.status === 400) throw new ApiError(t('options_verify_refused_bluesky'), 401);
  if (!response.ok) throw await failure('bluesky', response);
  return { account: (await readJson(response, BlueskySessionSchema, 'Bluesky')).handle, canFollow: true };
}

/** Without a token: the login exists. With one: the token belongs to that login and, when classic, has the follow scope. */
async function verifyGitHub(login: string, token: string | undefined, fetch: Fetch): Promise<Verified> {
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const url = token
    ? 'https://api.github.com/user'
    : `https://api.github.com/users/${encodeURIComponent(login)}`;
  const response = await send(fetch, 'GitHub', url, { method: 'GET', headers });
  if (response.status === 404) throw new ApiError(t('options_verify_githubUnknown', { login }), 404);
  if (!response.ok) throw await failure('github', response);
  const account = (await readJson(response, GitHubUserSchema, 'GitHub')).login.toLowerCase();
  if (account !== login) throw new ApiError(t('options_verify_otherOwner', { account, login }), 403);
  // Classic tokens list their scopes; fine-grained ones do not, and show their permission at the first follow.
  const scopes = response.headers.get('x-oauth-scopes');
  const granted = scopes?.split(',').map((scope) => scope.trim());
  if (token && granted && !granted.includes('user:follow') && !granted.includes('user'))
    throw new ApiError(t('options_verify_noScope'), 403);
  return { account, canFollow: Boolean(token) };
}

/** The token must sign in to the home instance: verify_credentials names the account. */
async function verifyMastodon(instance: string, token: string, fetch: Fetch): Promise<Verified> {
  const response = await send(fetch, 'Mastodon', `https://${instance}/api/v1/accounts/verify_credentials`, {
    method: 'GET',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw await failure('mastodon', response);
  const { acct } = await readJson(response, MastodonAccountSchema, 'Mastodon');
  return { account: `${acct.toLowerCase()}@${instance}`, canFollow: true };
}

/** One real request (or two) with the given settings; throws ApiError or RateLimitError with a message to show. */
export function verifyConnection(
  site: ApiSite,
  id: string,
  secret: string | undefined,
  fetch: Fetch,
): Promise<Verified> {
  if (site === 'bluesky') return verifyBluesky(id, secret, fetch);
  if (site === 'github') return verifyGitHub(id, secret, fetch);
  return verifyMastodon(id, secret ?? '', fetch);
}
