import * as v from 'valibot';
import { t } from '../i18n/index';
import type { Account } from '../model';
import { normalizeHandle, parseProfileUrl, SITE_IDS } from '../sites/index';
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
} from './http';
import { type ApiSite, NETWORKS } from './networks';

// The accounts a person publishes on their own GitHub, Bluesky or Mastodon profile, read through public APIs.

/** 'verified': the network checked the link (Mastodon's rel=me); 'claimed': the person wrote it. */
export type Provenance = 'verified' | 'claimed';

/** One account found on a teammate's public profile. */
export interface Suggestion extends Account {
  from: ApiSite;
  provenance: Provenance;
}

/** Where to ask; each defaults to the network's public API. */
export interface ProfileLinksConfig {
  fetch: Fetch;
  now?: () => number;
  github?: string;
  bluesky?: string;
  /** The connected GitHub token, if any: 5,000 requests an hour instead of 60. */
  githubToken?: string;
}

// A link in text: with a scheme, or a host with a path (`github.com/alice`), as people write them in a bio.
const LINK = /\bhttps?:\/\/[^\s<>"'()]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'()]+/gi;
// href="…" or href='…' in the HTML Mastodon renders for a field: read as text, never parsed or run.
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const OTHER_SITES = SITE_IDS.filter((site) => site !== 'mastodon');

/** The links written in a text (a bio, a description). */
export function linksIn(text: string): string[] {
  // A sentence's own punctuation after a link is not part of it ("see x.com/alice.").
  return (text.match(LINK) ?? []).map((link) => link.replace(/[.,;:!?]+$/, ''));
}

/** The href values of the links in an HTML fragment, entities `&amp;` decoded. */
export function hrefsIn(html: string): string[] {
  return [...html.matchAll(HREF)].map((match) => (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&'));
}

/**
 * The account a URL shows, or null. http is read as https and a bare host gets https; any other scheme is refused.
 * A Mastodon profile on any host counts only where the network says it is one (`anyInstance`), not in free text.
 */
export function accountFromUrl(input: string, anyInstance = false): Account | null {
  const text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https?:\/\//i.test(text)) return null;
  const url = /^https?:\/\//i.test(text) ? text.replace(/^http:/i, 'https:') : `https://${text}`;
  for (const site of OTHER_SITES) {
    const handle = normalizeHandle(site, url);
    if (handle) return { site, handle };
  }
  if (anyInstance) {
    const handle = normalizeHandle('mastodon', url);
    return handle ? { site: 'mastodon', handle } : null;
  }
  const known = parseProfileUrl(url);
  return known?.site === 'mastodon' ? known : null;
}

/** Refusals common to the three networks: a rate limit, a missing account, a server in trouble, anything else. */
async function failure(response: Response, site: ApiSite, now: number): Promise<Error> {
  const { name, reset } = NETWORKS[site];
  const { status, headers } = response;
  const { message = '' } = await errorBody(response);
  const limited =
    status === 429 ||
    (status === 403 && (headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(message)));
  if (limited) return new RateLimitError(rateLimitText(name), retryAt(headers, now, reset));
  if (status === 404) return new ApiError(t('api_noSuchAccount', { site: name }), 404);
  if (status >= 500) return serverTrouble(name, status);
  return answeredHttp(name, status, message);
}

async function getJson<T>(
  config: ProfileLinksConfig,
  site: ApiSite,
  url: string,
  schema: v.GenericSchema<unknown, T>,
  headers: Record<string, string> = {},
): Promise<T> {
  const { name } = NETWORKS[site];
  const response = await send(config.fetch, name, url, { method: 'GET', headers });
  if (!response.ok) throw await failure(response, site, (config.now ?? Date.now)());
  return readJson(response, schema, name);
}

function found(
  urls: Iterable<{ url: string; provenance: Provenance; anyInstance?: boolean }>,
  from: ApiSite,
): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const { url, provenance, anyInstance } of urls) {
    const account = accountFromUrl(url, anyInstance);
    if (!account) continue;
    const key = `${account.site}\n${account.handle}`;
    // The same account claimed in one place and verified in another is verified.
    if (seen.get(key)?.provenance !== 'verified') seen.set(key, { ...account, from, provenance });
  }
  return [...seen.values()];
}

const GITHUB_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
const SocialAccountsSchema = v.array(v.object({ provider: v.string(), url: v.string() }));
const GitHubUserSchema = v.object({
  twitter_username: v.nullish(v.string()),
  blog: v.nullish(v.string()),
});

/** GitHub (docs.github.com rest/users/social-accounts, rest/users/users): social accounts, twitter_username, blog; all claimed. */
export async function githubLinks(config: ProfileLinksConfig, login: string): Promise<Suggestion[]> {
  const api = config.github ?? 'https://api.github.com';
  const user = encodeURIComponent(login);
  const headers: Record<string, string> = { ...GITHUB_HEADERS };
  if (config.githubToken) headers.Authorization = `Bearer ${config.githubToken}`;
  const social = await getJson(
    config,
    'github',
    `${api}/users/${user}/social_accounts`,
    SocialAccountsSchema,
    headers,
  );
  const profile = await getJson(config, 'github', `${api}/users/${user}`, GitHubUserSchema, headers);
  const urls = social.map(({ provider, url }) => ({
    url,
    provenance: 'claimed' as const,
    anyInstance: provider === 'mastodon',
  }));
  if (profile.blog) urls.push({ url: profile.blog, provenance: 'claimed', anyInstance: false });
  const suggestions = found(urls, 'github');
  const x = profile.twitter_username ? normalizeHandle('x', profile.twitter_username) : null;
  if (x && !suggestions.some((s) => s.site === 'x' && s.handle === x))
    suggestions.push({ site: 'x', handle: x, from: 'github', provenance: 'claimed' });
  return suggestions;
}

const BlueskyProfileSchema = v.object({
  handle: v.string(),
  description: v.nullish(v.string()),
  website: v.nullish(v.string()),
});

/** Bluesky (app.bsky.actor.getProfile on the public AppView): website, links in the description, a domain handle. */
export async function blueskyLinks(config: ProfileLinksConfig, handle: string): Promise<Suggestion[]> {
  const api = config.bluesky ?? 'https://public.api.bsky.app';
  const url = `${api}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(handle)}`;
  const profile = await getJson(config, 'bluesky', url, BlueskyProfileSchema);
  const urls = [profile.website ?? '', ...linksIn(profile.description ?? '')].filter(Boolean);
  // A handle on one's own domain is a claim of that domain (a Bluesky-hosted one says nothing).
  if (!/\.bsky\.social$/i.test(profile.handle)) urls.push(`https://${profile.handle}`);
  return found(
    urls.map((link) => ({ url: link, provenance: 'claimed' as const })),
    'bluesky',
  );
}

const MastodonAccountSchema = v.object({
  fields: v.optional(
    v.array(v.object({ name: v.string(), value: v.string(), verified_at: v.nullish(v.string()) })),
    [],
  ),
});

/** The instance host of a canonical Mastodon handle (`alice@hachyderm.io`). */
export function mastodonInstance(handle: string): string {
  return handle.slice(handle.lastIndexOf('@') + 1);
}

/** Mastodon (docs.joinmastodon.org methods/accounts#lookup, on the account's own instance): fields, verified_at for rel=me. */
export async function mastodonLinks(config: ProfileLinksConfig, handle: string): Promise<Suggestion[]> {
  const instance = mastodonInstance(handle);
  const user = handle.slice(0, handle.lastIndexOf('@'));
  const url = `https://${instance}/api/v1/accounts/lookup?acct=${encodeURIComponent(user)}`;
  const account = await getJson(config, 'mastodon', url, MastodonAccountSchema);
  return found(
    account.fields.flatMap((field) =>
      hrefsIn(field.value).map((href) => ({
        url: href,
        provenance: field.verified_at ? ('verified' as const) : ('claimed' as const),
        anyInstance: true,
      })),
    ),
    'mastodon',
  );
}

/** The accounts published on one teammate account's profile, from the network it is on. */
export function profileLinks(
  config: ProfileLinksConfig,
  account: { site: ApiSite; handle: string },
): Promise<Suggestion[]> {
  if (account.site === 'github') return githubLinks(config, account.handle);
  if (account.site === 'bluesky') return blueskyLinks(config, account.handle);
  return mastodonLinks(config, account.handle);
}
