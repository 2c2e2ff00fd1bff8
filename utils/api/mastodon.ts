import * as v from 'valibot';
import { t } from '../i18n/index';
import { normalizeHandle } from '../sites/index';
import {
  ApiError,
  answeredHttp,
  assertCanonical,
  chunk,
  errorBody,
  type Fetch,
  type FollowApi,
  RateLimitError,
  type Relationship,
  rateLimitText,
  readJson,
  retryAt,
  send,
  serverTrouble,
} from './http';
import { NETWORKS } from './networks';

export interface MastodonConfig {
  /** The home instance host, where the token belongs (`mastodon.social`). */
  instance: string;
  /** A user token with read:accounts, read:follows, read:search and write:follows. */
  token: string;
  fetch: Fetch;
  now?: () => number;
}

const NAME = 'Mastodon';
const RESET = NETWORKS.mastodon.reset;
// Ids per relationships call (Mastodon pages accounts by 40; the endpoint itself names no maximum).
const RELATIONSHIPS_PER_CALL = 40;

const AccountSchema = v.object({ id: v.string(), acct: v.string(), url: v.optional(v.nullable(v.string())) });
const SearchSchema = v.object({ accounts: v.array(AccountSchema) });
const RelationshipSchema = v.object({
  id: v.string(),
  following: v.boolean(),
  requested: v.optional(v.boolean()),
  followed_by: v.optional(v.boolean()),
});
const RelationshipsSchema = v.array(RelationshipSchema);

type Account = v.InferOutput<typeof AccountSchema>;

function toRelationship(found: v.InferOutput<typeof RelationshipSchema>): Relationship {
  const state = found.following ? 'following' : found.requested ? 'requested' : 'not-following';
  return { state, followsYou: Boolean(found.followed_by) };
}

/**
 * Mastodon client. Account ids belong to one instance, so every teammate is looked up on the user's HOME instance:
 * `accounts/lookup` (accounts it already knows), then `v2/search` with resolve=true (WebFinger) for the others.
 * Ids are cached for the life of the client; relationships come 40 ids a call.
 */
export function createMastodonApi(config: MastodonConfig): FollowApi {
  const { instance, token, fetch } = config;
  const now = config.now ?? Date.now;
  // The instance must be a host as canonical handles write it (lowercase, punycode).
  if (normalizeHandle('mastodon', `user@${instance}`) !== `user@${instance}`)
    throw new ApiError(t('api_mastodon_notInstance', { instance }), 400);
  const base = `https://${instance}`;

  let ownId: string | undefined;
  const ids = new Map<string, string>();

  async function request(method: 'GET' | 'POST', path: string): Promise<Response> {
    if (!token) throw new ApiError(t('api_mastodon_connectFirst', { instance }), 401);
    const response = await send(fetch, NAME, `${base}${path}`, {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
    if (response.ok || response.status === 404) return response;
    if (response.status === 429)
      throw new RateLimitError(rateLimitText(instance), retryAt(response.headers, now(), RESET));
    const { error } = await errorBody(response);
    if (response.status === 401) throw new ApiError(t('api_mastodon_tokenRefused', { instance }), 401);
    if (response.status === 403)
      throw new ApiError(
        error
          ? t('api_mastodon_refused', { instance, error: String(error) })
          : t('api_mastodon_lacksPermission', { instance }),
        403,
      );
    if (response.status >= 500) throw serverTrouble(`Mastodon (${instance})`, response.status);
    throw answeredHttp(instance, response.status, error);
  }

  async function ownAccountId(): Promise<string> {
    ownId ??= (
      await readJson(await request('GET', '/api/v1/accounts/verify_credentials'), AccountSchema, NAME)
    ).id;
    return ownId;
  }

  /** Whether the account the instance returned is the one asked for: its acct, or (domains served from another host) its profile URL. */
  function isAccount(account: Account, handle: string, acct: string): boolean {
    if (account.acct.toLowerCase() === acct) return true;
    const [user, domain] = handle.split('@');
    try {
      const url = new URL(account.url ?? '');
      return url.hostname === domain && url.pathname.toLowerCase() === `/@${user}`;
    } catch {
      return false;
    }
  }

  async function accountId(handle: string): Promise<string | undefined> {
    const cached = ids.get(handle);
    if (cached) return cached;
    const [user = '', domain] = handle.split('@');
    // Mastodon writes local accounts as `user` and remote ones as `user@domain`.
    const acct = domain === instance ? user : handle;
    let account: Account | undefined;
    const lookup = await request('GET', `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
    if (lookup.ok) account = await readJson(lookup, AccountSchema, NAME);
    else if (domain !== instance) {
      // Lookup skips WebFinger, so a remote account the instance never saw needs a resolving search.
      const query = `q=${encodeURIComponent(`@${handle}`)}&type=accounts&resolve=true&limit=1`;
      const search = await request('GET', `/api/v2/search?${query}`).catch((error: unknown) => {
        // The home instance answers 503 when the teammate's instance is down: unknown, not a failed check.
        if (error instanceof ApiError && error.status === 503) return undefined;
        throw error;
      });
      if (search?.ok) account = (await readJson(search, SearchSchema, NAME)).accounts[0];
    }
    if (!account || !isAccount(account, handle, acct)) return undefined;
    ids.set(handle, account.id);
    return account.id;
  }

  return {
    site: 'mastodon',
    canFollow: Boolean(token),
    async check(handles) {
      for (const handle of handles) assertCanonical('mastodon', handle, NAME);
      const me = await ownAccountId();
      const idOf = new Map<string, string>();
      for (const handle of new Set(handles)) {
        const id = await accountId(handle);
        if (id) idOf.set(handle, id);
      }
      const byId = new Map<string, Relationship>();
      const others = [...new Set(idOf.values())].filter((id) => id !== me);
      for (const batch of chunk(others, RELATIONSHIPS_PER_CALL)) {
        const query = batch.map((id) => `id[]=${encodeURIComponent(id)}`).join('&');
        const response = await request('GET', `/api/v1/accounts/relationships?${query}`);
        for (const found of await readJson(response, RelationshipsSchema, NAME))
          if (batch.includes(found.id)) byId.set(found.id, toRelationship(found));
      }
      const result = new Map<string, Relationship>();
      for (const [handle, id] of idOf) {
        const found = id === me ? ({ state: 'self' } as const) : byId.get(id);
        if (found) result.set(handle, found);
      }
      return result;
    },
    async follow(handle) {
      assertCanonical('mastodon', handle, NAME);
      const id = await accountId(handle);
      if (!id) throw new ApiError(t('api_mastodon_notFound', { instance, handle }), 404);
      if (id === (await ownAccountId())) return { state: 'self' };
      // Following an account already followed answers 200 with the same relationship: idempotent.
      const response = await request('POST', `/api/v1/accounts/${encodeURIComponent(id)}/follow`);
      if (response.status === 404) throw new ApiError(t('api_mastodon_notFound', { instance, handle }), 404);
      return toRelationship(await readJson(response, RelationshipSchema, NAME));
    },
  };
}
