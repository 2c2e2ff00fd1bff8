import { t } from '../i18n/index';
import {
  ApiError,
  answeredHttp,
  assertCanonical,
  errorBody,
  type Fetch,
  type FollowApi,
  RateLimitError,
  type Relationship,
  rateLimitText,
  retryAt,
  send,
  serverTrouble,
} from './http';
import { NETWORKS } from './networks';

export interface GitHubConfig {
  /** The user's own canonical login. */
  login: string;
  /** A classic token with the user:follow scope, or a fine-grained one with the "Followers" user permission. */
  token?: string;
  fetch: Fetch;
  api?: string;
  now?: () => number;
}

const NAME = 'GitHub';
const RESET = NETWORKS.github.reset;

/**
 * GitHub REST client (docs.github.com rest/users/followers). GitHub answers 404 both for "does not follow" and for
 * "no such user", so a target that is neither followed nor following back is confirmed with `GET /users/{target}`
 * before it counts as not-following; a 204 on either follow check already proves the account exists.
 * Without a token GitHub allows 60 requests an hour per IP: up to 3 per teammate.
 */
export function createGitHubApi(config: GitHubConfig): FollowApi {
  const { login, token, fetch } = config;
  const api = config.api ?? 'https://api.github.com';
  const now = config.now ?? Date.now;
  assertCanonical('github', login, NAME);

  /** One request; 2xx and 404 are answers, the rest throws. */
  async function request(method: 'GET' | 'PUT', path: string): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await send(fetch, NAME, `${api}${path}`, { method, headers });
    if (response.ok || response.status === 404) return response;
    throw await failure(response);
  }

  async function failure(response: Response): Promise<Error> {
    const { status, headers } = response;
    const { message = '' } = await errorBody(response);
    // Primary limit: 403 or 429 with x-ratelimit-remaining 0; secondary: 403/429 saying so, often with retry-after.
    const limited =
      status === 429 ||
      (status === 403 &&
        (headers.get('x-ratelimit-remaining') === '0' ||
          headers.has('retry-after') ||
          /rate limit/i.test(message)));
    if (limited) {
      const text = token ? rateLimitText(NAME) : t('api_github_rateLimitedNoToken');
      return new RateLimitError(text, retryAt(headers, now(), RESET));
    }
    if (status === 401) return new ApiError(t('api_github_tokenRefused'), 401);
    if (status === 403) return new ApiError(t('api_github_tokenScope'), 403);
    if (status >= 500) return serverTrouble(NAME, status);
    return answeredHttp(NAME, status, message);
  }

  const user = (name: string) => encodeURIComponent(name);

  async function relationship(target: string): Promise<Relationship | undefined> {
    if (target === login) return { state: 'self' };
    const followingPath = token
      ? `/user/following/${user(target)}`
      : `/users/${user(login)}/following/${user(target)}`;
    const following = (await request('GET', followingPath)).status === 204;
    const followsYou =
      (await request('GET', `/users/${user(target)}/following/${user(login)}`)).status === 204;
    if (following || followsYou) return { state: following ? 'following' : 'not-following', followsYou };
    // Both 404: either no follow either way, or no such user. The profile tells them apart.
    const exists = (await request('GET', `/users/${user(target)}`)).status !== 404;
    return exists ? { state: 'not-following', followsYou: false } : undefined;
  }

  return {
    site: 'github',
    canFollow: Boolean(token),
    async check(handles) {
      for (const handle of handles) assertCanonical('github', handle, NAME);
      const result = new Map<string, Relationship>();
      // One at a time: GitHub's secondary limits punish concurrent requests.
      for (const handle of new Set(handles)) {
        const found = await relationship(handle);
        if (found) result.set(handle, found);
      }
      return result;
    },
    async follow(handle) {
      assertCanonical('github', handle, NAME);
      if (handle === login) return { state: 'self' };
      if (!token) throw new ApiError(t('api_github_needToken'), 401);
      // PUT is idempotent on GitHub: following someone already followed answers 204 again.
      const response = await request('PUT', `/user/following/${user(handle)}`);
      if (response.status === 404) throw new ApiError(t('api_github_noUser', { handle }), 404);
      return { state: 'following' };
    },
  };
}
