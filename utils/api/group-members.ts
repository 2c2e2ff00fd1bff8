import * as v from 'valibot';
import type { JsonRoster } from '../roster/export';
import { normalizeHandle } from '../sites/index';
import {
  ApiError,
  errorBody,
  type Fetch,
  RateLimitError,
  readJson,
  retryAt,
  send,
  serverTrouble,
} from './http';
import { type ApiSite, NETWORKS } from './networks';

/** One person of a group, with a canonical handle on the group's network. */
export interface GroupMember {
  name: string;
  site: ApiSite;
  handle: string;
}

/** A Bluesky list or starter pack named by its bsky.app address. */
export interface BlueskyGroupRef {
  kind: 'list' | 'starter-pack';
  /** A canonical handle or DID. */
  actor: string;
  rkey: string;
}

const GITHUB_API = 'https://api.github.com';
const BLUESKY_APP_VIEW = 'https://public.api.bsky.app';
// Largest pages the APIs allow: GitHub per_page 100, app.bsky.graph.getList limit 100, Mastodon list accounts 80.
const GITHUB_PAGE = 100;
const BLUESKY_PAGE = 100;
const MASTODON_PAGE = 80;
// A group larger than this many pages is cut rather than read forever (10,000 people on GitHub or Bluesky).
const MAX_PAGES = 100;
// Record keys (atproto spec, record-key syntax).
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;

/** The status a caller treats as "ask no more": a rate limit (GitHub says 403 or 429). */
const isLimited = (response: Response) =>
  response.status === 429 ||
  (response.status === 403 &&
    (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after')));

async function refusal(
  response: Response,
  siteName: string,
  site: ApiSite,
  now: () => number,
): Promise<Error> {
  if (isLimited(response))
    return new RateLimitError(
      `${siteName}'s rate limit is reached`,
      retryAt(response.headers, now(), NETWORKS[site].reset),
    );
  if (response.status >= 500) return serverTrouble(siteName, response.status);
  const { error, message } = await errorBody(response);
  const detail = message ?? error;
  return new ApiError(
    `${siteName} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
    response.status,
  );
}

/** Whether a Link header names a next page (GitHub and Mastodon both page this way). */
function nextLink(response: Response): string | undefined {
  const link = response.headers.get('link') ?? '';
  return /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
}

const GitHubMembersSchema = v.array(v.object({ login: v.string() }));
const GitHubUserSchema = v.object({ name: v.optional(v.nullable(v.string())) });

/** What reading a GitHub organisation needs: fetch, and the connected account's token when there is one. */
export interface GitHubGroupConfig {
  fetch: Fetch;
  /** The connected account's token, if any: 5,000 requests an hour instead of 60. */
  token?: string;
  api?: string;
  now?: () => number;
}

/**
 * The public members of a GitHub organisation (docs.github.com rest/orgs/members#list-public-organization-members),
 * each named from `GET /users/{login}`; once GitHub limits the rate (or a profile cannot be read) the login is the name.
 */
export async function githubOrgMembers(org: string, config: GitHubGroupConfig): Promise<GroupMember[]> {
  const { fetch, token } = config;
  const api = config.api ?? GITHUB_API;
  const now = config.now ?? Date.now;
  const canonical = normalizeHandle('github', org);
  if (!canonical) throw new ApiError(`"${org}" is not a GitHub organisation name`, 400);
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const get = (path: string) => send(fetch, 'GitHub', `${api}${path}`, { headers });

  const logins: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await get(
      `/orgs/${encodeURIComponent(canonical)}/public_members?per_page=${GITHUB_PAGE}&page=${page}`,
    );
    if (response.status === 404) throw new ApiError(`GitHub has no organisation named ${canonical}`, 404);
    if (response.status === 401)
      throw new ApiError('GitHub refused the token: check it in the options or remove it', 401);
    if (!response.ok) throw await refusal(response, 'GitHub', 'github', now);
    const members = await readJson(response, GitHubMembersSchema, 'GitHub');
    for (const { login } of members) {
      const handle = normalizeHandle('github', login);
      if (handle) logins.push(handle);
    }
    if (!nextLink(response) || members.length === 0) break;
  }

  const result: GroupMember[] = [];
  let askNames = true;
  for (const handle of [...new Set(logins)]) {
    let name = handle;
    if (askNames) {
      const response = await get(`/users/${encodeURIComponent(handle)}`).catch(() => undefined);
      if (!response || isLimited(response)) askNames = false;
      else if (response.ok) {
        const profile = await readJson(response, GitHubUserSchema, 'GitHub').catch(() => undefined);
        name = profile?.name?.trim() || handle;
      }
    }
    result.push({ name, site: 'github', handle });
  }
  return result;
}

/** Reads a bsky.app list or starter-pack address; undefined for anything else. */
export function parseBlueskyGroupUrl(text: string): BlueskyGroupRef | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'bsky.app') return undefined;
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, actorText = '', third, fourth = ''] = parts;
  const ref =
    first === 'profile' && third === 'lists' && parts.length === 4
      ? { kind: 'list' as const, actorText, rkey: fourth }
      : first === 'starter-pack' && parts.length === 3
        ? { kind: 'starter-pack' as const, actorText, rkey: third ?? '' }
        : undefined;
  if (!ref || !RKEY.test(ref.rkey)) return undefined;
  const actor = normalizeHandle('bluesky', ref.actorText);
  return actor ? { kind: ref.kind, actor, rkey: ref.rkey } : undefined;
}

const ResolveSchema = v.object({ did: v.string() });
const ListSchema = v.object({
  cursor: v.optional(v.string()),
  items: v.array(
    v.object({
      subject: v.object({ did: v.string(), handle: v.string(), displayName: v.optional(v.string()) }),
    }),
  ),
});
const StarterPackSchema = v.object({
  starterPack: v.object({ list: v.optional(v.object({ uri: v.string() })) }),
});

/** What reading a Bluesky list needs: fetch, and the AppView to ask (the public one by default). */
export interface BlueskyGroupConfig {
  fetch: Fetch;
  appView?: string;
  now?: () => number;
}

/** The members of a Bluesky list or starter pack, read from the public AppView without credentials. */
export async function blueskyGroupMembers(
  ref: BlueskyGroupRef,
  config: BlueskyGroupConfig,
): Promise<GroupMember[]> {
  const { fetch } = config;
  const appView = config.appView ?? BLUESKY_APP_VIEW;
  const now = config.now ?? Date.now;
  async function xrpc<T>(nsid: string, params: [string, string][], schema: v.GenericSchema<unknown, T>) {
    const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
    const response = await send(fetch, 'Bluesky', `${appView}/xrpc/${nsid}?${query}`, {
      headers: { Accept: 'application/json' },
    });
    if (response.status === 400 || response.status === 404) {
      const { message } = await errorBody(response);
      throw new ApiError(`Bluesky could not find that ${ref.kind}${message ? `: ${message}` : ''}`, 404);
    }
    if (!response.ok) throw await refusal(response, 'Bluesky', 'bluesky', now);
    return readJson(response, schema, 'Bluesky');
  }

  const did = ref.actor.startsWith('did:')
    ? ref.actor
    : (await xrpc('com.atproto.identity.resolveHandle', [['handle', ref.actor]], ResolveSchema)).did;
  let listUri = `at://${did}/app.bsky.graph.list/${ref.rkey}`;
  if (ref.kind === 'starter-pack') {
    const pack = await xrpc(
      'app.bsky.graph.getStarterPack',
      [['starterPack', `at://${did}/app.bsky.graph.starterpack/${ref.rkey}`]],
      StarterPackSchema,
    );
    if (!pack.starterPack.list) throw new ApiError('That starter pack has no list of people', 404);
    listUri = pack.starterPack.list.uri;
  }

  const result = new Map<string, GroupMember>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params: [string, string][] = [
      ['list', listUri],
      ['limit', String(BLUESKY_PAGE)],
    ];
    if (cursor) params.push(['cursor', cursor]);
    const list = await xrpc('app.bsky.graph.getList', params, ListSchema);
    for (const { subject } of list.items) {
      // "handle.invalid" and the like fail the check: the DID is the account then.
      const handle = normalizeHandle('bluesky', subject.handle) ?? normalizeHandle('bluesky', subject.did);
      if (handle && !result.has(handle))
        result.set(handle, { name: subject.displayName?.trim() || handle, site: 'bluesky', handle });
    }
    cursor = list.cursor;
    if (!cursor || list.items.length === 0) break;
  }
  return [...result.values()];
}

/** One list of the connected Mastodon account. */
export interface MastodonList {
  id: string;
  title: string;
}

/** The connected Mastodon account: its home instance and token, the only place the token is sent. */
export interface MastodonGroupConfig {
  /** The connected account's home instance host. */
  instance: string;
  token: string;
  fetch: Fetch;
  now?: () => number;
}

const MastodonListsSchema = v.array(v.object({ id: v.string(), title: v.string() }));
const MastodonAccountsSchema = v.array(
  v.object({ acct: v.string(), display_name: v.optional(v.nullable(v.string())) }),
);

function mastodonClient(config: MastodonGroupConfig) {
  const { instance, token, fetch } = config;
  const now = config.now ?? Date.now;
  if (normalizeHandle('mastodon', `user@${instance}`) !== `user@${instance}`)
    throw new ApiError(`"${instance}" is not a Mastodon instance address, such as mastodon.social`, 400);
  const origin = `https://${instance}`;
  return {
    origin,
    async get(url: string): Promise<Response> {
      const response = await send(fetch, 'Mastodon', url, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      });
      if (response.status === 401)
        throw new ApiError(`${instance} refused the token: connect the account again in the options`, 401);
      if (!response.ok) throw await refusal(response, instance, 'mastodon', now);
      return response;
    },
  };
}

/** The lists of the connected Mastodon account (`GET /api/v1/lists`). */
export async function mastodonLists(config: MastodonGroupConfig): Promise<MastodonList[]> {
  const client = mastodonClient(config);
  return readJson(await client.get(`${client.origin}/api/v1/lists`), MastodonListsSchema, 'Mastodon');
}

/** The accounts of one of the connected account's lists, paged by the Link header, as `user@instance` handles. */
export async function mastodonListMembers(
  listId: string,
  config: MastodonGroupConfig,
): Promise<GroupMember[]> {
  const client = mastodonClient(config);
  const result = new Map<string, GroupMember>();
  let url: string | undefined =
    `${client.origin}/api/v1/lists/${encodeURIComponent(listId)}/accounts?limit=${MASTODON_PAGE}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await client.get(url);
    for (const account of await readJson(response, MastodonAccountsSchema, 'Mastodon')) {
      // Mastodon writes local accounts as `user` and remote ones as `user@domain`.
      const acct = account.acct.includes('@') ? account.acct : `${account.acct}@${config.instance}`;
      const handle = normalizeHandle('mastodon', acct);
      if (handle && !result.has(handle))
        result.set(handle, { name: account.display_name?.trim() || handle, site: 'mastodon', handle });
    }
    const next = nextLink(response);
    // The token goes to the home instance only, whatever the Link header says.
    url = next?.startsWith(`${client.origin}/`) ? next : undefined;
  }
  return [...result.values()];
}

/** The group as a version 1 JSON roster, for the file import to merge. */
export function groupRoster(members: readonly GroupMember[]): JsonRoster {
  return {
    version: 1,
    members: members.map(({ name, site, handle }) => ({ name, accounts: { [site]: handle } })),
  };
}
