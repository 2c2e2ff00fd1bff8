import * as v from 'valibot';
import { t } from '../i18n/index';
import { normalizeHandle } from '../sites/index';
import { type GroupMember, MAX_PAGES, refusal } from './group-members';
import { ApiError, errorBody, type Fetch, readJson, send } from './http';

/** A Bluesky list or starter pack named by its bsky.app address. */
export interface BlueskyGroupRef {
  kind: 'list' | 'starter-pack';
  /** A canonical handle or DID. */
  actor: string;
  rkey: string;
}

const BLUESKY_APP_VIEW = 'https://public.api.bsky.app';
// The largest page app.bsky.graph.getList gives (limit).
const BLUESKY_PAGE = 100;
// Record keys (atproto spec, record-key syntax).
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;

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
      const text = t(ref.kind === 'list' ? 'api_group_blueskyListNotFound' : 'api_group_blueskyPackNotFound');
      throw new ApiError(message ? t('api_withDetail', { text, detail: message }) : text, 404);
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
    if (!pack.starterPack.list) throw new ApiError(t('api_group_packWithoutList'), 404);
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
