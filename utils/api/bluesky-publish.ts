import * as v from 'valibot';
import { t } from '../i18n/index';
import { blueskyTransport, pdsFrom, SessionSchema } from './bluesky';
import { ApiError, assertCanonical, chunk, errorBody, type Fetch, readJson } from './http';

export interface BlueskyPublishConfig {
  /** The user's own canonical handle or DID. */
  handle: string;
  /** An app password: publishing writes records to the user's repository. */
  appPassword: string;
  fetch: Fetch;
  appView?: string;
  entryway?: string;
  now?: () => number;
}

/** The list record's words, as the user sees them on Bluesky. */
export interface ListText {
  name: string;
  description?: string;
}

/** The Bluesky calls that publishing needs, on the connected account's own repository. */
export interface BlueskyPublisher {
  /** The DID of the connected account. */
  did(): Promise<string>;
  /** DIDs of canonical handles (DIDs map to themselves); handles Bluesky does not know are absent. */
  resolve(handles: readonly string[]): Promise<Map<string, string>>;
  /** The list record at `uri` in the user's repository, or null when it is gone or belongs to another account. */
  getList(uri: string): Promise<ListText | null>;
  createList(text: ListText): Promise<string>;
  /** Rewrites the list's name and description (putRecord), keeping its purpose and creation time. */
  updateList(uri: string, text: ListText): Promise<void>;
  /** Subject DID → listitem URI, for every item of the list (all pages of listRecords). */
  listItems(listUri: string): Promise<Map<string, string>>;
  addItem(listUri: string, did: string): Promise<string>;
  /** Whether the starter pack record at `uri` is still in the user's repository. */
  hasStarterPack(uri: string): Promise<boolean>;
  createStarterPack(listUri: string, text: ListText): Promise<string>;
}

const NAME = 'Bluesky';
const LIST = 'app.bsky.graph.list';
const LIST_ITEM = 'app.bsky.graph.listitem';
const STARTER_PACK = 'app.bsky.graph.starterpack';
/** The purpose of a list of people to follow or read, not to mute or block (app.bsky.graph.defs). */
export const CURATE_LIST = 'app.bsky.graph.defs#curatelist';
// Lexicon limits: app.bsky.actor.getProfiles takes 25 actors; com.atproto.repo.listRecords pages by at most 100.
const PROFILES_PER_CALL = 25;
const RECORDS_PER_PAGE = 100;

const CreatedSchema = v.object({ uri: v.string() });
const ProfilesSchema = v.object({ profiles: v.array(v.object({ did: v.string(), handle: v.string() })) });
const ListValueSchema = v.object({
  name: v.string(),
  description: v.optional(v.string()),
  purpose: v.string(),
  createdAt: v.string(),
});
const GetRecordSchema = v.object({ uri: v.string(), value: v.unknown() });
const ListRecordsSchema = v.object({
  cursor: v.optional(v.string()),
  records: v.array(v.object({ uri: v.string(), value: v.unknown() })),
});
const ListItemValueSchema = v.object({ subject: v.string(), list: v.string() });

/** The repository, collection and record key of an at:// URI, or null. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const match = /^at:\/\/(did:[a-z]+:[A-Za-z0-9._:%-]+)\/([a-zA-Z0-9.-]+)\/([A-Za-z0-9._:~-]{1,512})$/.exec(
    uri,
  );
  return match
    ? { repo: match[1] as string, collection: match[2] as string, rkey: match[3] as string }
    : null;
}

/**
 * Bluesky publishing client: signs in with the app password (com.atproto.server.createSession, again once when the
 * session expires), writes list, listitem and starterpack records with com.atproto.repo.createRecord / putRecord on
 * the user's PDS, reads them back with getRecord and listRecords (the PDS, not the AppView, so a record written a
 * moment ago is already there), and learns DIDs from the public AppView.
 */
export function createBlueskyPublisher(config: BlueskyPublishConfig): BlueskyPublisher {
  const { handle: own, appPassword, fetch } = config;
  const appView = config.appView ?? 'https://public.api.bsky.app';
  const entryway = config.entryway ?? 'https://bsky.social';
  const now = config.now ?? Date.now;
  assertCanonical('bluesky', own, NAME);
  let session: { accessJwt: string; did: string; pds: string } | undefined;

  const { xrpc, failure } = blueskyTransport(fetch, now);

  async function signIn() {
    const response = await xrpc(entryway, 'com.atproto.server.createSession', {
      body: { identifier: own, password: appPassword },
    });
    if (response.status === 400 || response.status === 401)
      throw new ApiError(t('api_bluesky_appPasswordRefused'), 401);
    if (!response.ok) throw await failure(response);
    const data = await readJson(response, SessionSchema, NAME);
    session = { accessJwt: data.accessJwt, did: data.did, pds: pdsFrom(data.didDoc?.service) ?? entryway };
    return session;
  }

  async function expired(response: Response): Promise<boolean> {
    if (response.status === 401) return true;
    if (response.status !== 400) return false;
    const { error } = await errorBody(response.clone());
    return error === 'ExpiredToken' || error === 'InvalidToken';
  }

  /** A call to the user's PDS with the session; an expired session is renewed once. */
  async function authed(nsid: string, options: { params?: [string, string][]; body?: unknown }) {
    const current = session ?? (await signIn());
    let response = await xrpc(current.pds, nsid, { ...options, token: current.accessJwt });
    if (await expired(response)) {
      const renewed = await signIn();
      response = await xrpc(renewed.pds, nsid, { ...options, token: renewed.accessJwt });
    }
    return response;
  }

  async function ownDid() {
    return (session ?? (await signIn())).did;
  }

  /** The record at an at:// URI of the user's own repository, or null when it is gone or not theirs. */
  async function getOwnRecord(uri: string, collection: string): Promise<unknown | null> {
    const parts = parseAtUri(uri);
    if (!parts || parts.collection !== collection || parts.repo !== (await ownDid())) return null;
    const response = await authed('com.atproto.repo.getRecord', {
      params: [
        ['repo', parts.repo],
        ['collection', collection],
        ['rkey', parts.rkey],
      ],
    });
    if (response.status === 404) return null;
    if (response.status === 400 && (await errorBody(response.clone())).error === 'RecordNotFound')
      return null;
    if (!response.ok) throw await failure(response);
    return (await readJson(response, GetRecordSchema, NAME)).value;
  }

  async function create(collection: string, record: Record<string, unknown>): Promise<string> {
    const response = await authed('com.atproto.repo.createRecord', {
      body: { repo: await ownDid(), collection, record: { $type: collection, ...record } },
    });
    if (!response.ok) throw await failure(response);
    return (await readJson(response, CreatedSchema, NAME)).uri;
  }

  const stamp = () => new Date(now()).toISOString();
  const words = (text: ListText) => ({
    name: text.name,
    ...(text.description ? { description: text.description } : {}),
  });

  return {
    did: ownDid,
    async resolve(handles) {
      for (const handle of handles) assertCanonical('bluesky', handle, NAME);
      const found = new Map<string, string>();
      for (const handle of handles) if (handle.startsWith('did:')) found.set(handle, handle);
      const named = [...new Set(handles.filter((handle) => !handle.startsWith('did:')))];
      for (const batch of chunk(named, PROFILES_PER_CALL)) {
        const response = await xrpc(appView, 'app.bsky.actor.getProfiles', {
          params: batch.map((handle): [string, string] => ['actors', handle]),
        });
        if (!response.ok) throw await failure(response);
        for (const profile of (await readJson(response, ProfilesSchema, NAME)).profiles) {
          const handle = profile.handle.toLowerCase();
          if (batch.includes(handle)) found.set(handle, profile.did);
        }
      }
      return found;
    },
    async getList(uri) {
      const value = await getOwnRecord(uri, LIST);
      if (value === null) return null;
      const parsed = v.safeParse(ListValueSchema, value);
      if (!parsed.success || parsed.output.purpose !== CURATE_LIST) return null;
      return words(parsed.output);
    },
    createList(text) {
      return create(LIST, { purpose: CURATE_LIST, ...words(text), createdAt: stamp() });
    },
    async updateList(uri, text) {
      const parts = parseAtUri(uri);
      const value = v.safeParse(ListValueSchema, await getOwnRecord(uri, LIST));
      if (!parts || !value.success) throw new ApiError(t('api_bluesky_listGone'), 404);
      const response = await authed('com.atproto.repo.putRecord', {
        body: {
          repo: parts.repo,
          collection: LIST,
          rkey: parts.rkey,
          record: { $type: LIST, purpose: CURATE_LIST, ...words(text), createdAt: value.output.createdAt },
        },
      });
      if (!response.ok) throw await failure(response);
    },
    async listItems(listUri) {
      const items = new Map<string, string>();
      const repo = await ownDid();
      let cursor: string | undefined;
      do {
        const params: [string, string][] = [
          ['repo', repo],
          ['collection', LIST_ITEM],
          ['limit', String(RECORDS_PER_PAGE)],
        ];
        if (cursor) params.push(['cursor', cursor]);
        const response = await authed('com.atproto.repo.listRecords', { params });
        if (!response.ok) throw await failure(response);
        const page = await readJson(response, ListRecordsSchema, NAME);
        for (const record of page.records) {
          const item = v.safeParse(ListItemValueSchema, record.value);
          if (item.success && item.output.list === listUri) items.set(item.output.subject, record.uri);
        }
        // A page that brings nothing new ends the walk, whatever the cursor says.
        cursor = page.records.length > 0 ? page.cursor : undefined;
      } while (cursor);
      return items;
    },
    addItem(listUri, did) {
      return create(LIST_ITEM, { subject: did, list: listUri, createdAt: stamp() });
    },
    async hasStarterPack(uri) {
      return (await getOwnRecord(uri, STARTER_PACK)) !== null;
    },
    createStarterPack(listUri, text) {
      return create(STARTER_PACK, { ...words(text), list: listUri, createdAt: stamp() });
    },
  };
}
