import * as v from 'valibot';
import { t } from '../i18n/index';
import { normalizeHandle } from '../sites/index';
import { type GroupMember, MAX_PAGES, nextLink, refusal } from './group-members';
import { ApiError, type Fetch, readJson, send } from './http';

// The largest page of a list's accounts Mastodon gives (limit).
const MASTODON_PAGE = 80;

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
    throw new ApiError(t('api_mastodon_notInstance', { instance }), 400);
  const origin = `https://${instance}`;
  return {
    origin,
    async get(url: string): Promise<Response> {
      const response = await send(fetch, 'Mastodon', url, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      });
      if (response.status === 401) throw new ApiError(t('api_mastodon_tokenRefused', { instance }), 401);
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
