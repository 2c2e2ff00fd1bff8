import * as v from 'valibot';
import { t } from '../i18n/index';
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

export interface BlueskyConfig {
  /** The user's own canonical handle or DID. */
  handle: string;
  /** An app password (Settings → Privacy and security → App passwords); without it, check works and follow does not. */
  appPassword?: string;
  fetch: Fetch;
  appView?: string;
  entryway?: string;
  now?: () => number;
}

const NAME = 'Bluesky';
const RESET = NETWORKS.bluesky.reset;
// Lexicon maxLength of app.bsky.actor.getProfiles `actors` and app.bsky.graph.getRelationships `others`.
const PROFILES_PER_CALL = 25;
const RELATIONSHIPS_PER_CALL = 30;

const ResolveHandleSchema = v.object({ did: v.string() });
const ProfilesSchema = v.object({
  profiles: v.array(v.object({ did: v.string(), handle: v.string() })),
});
// Items are app.bsky.graph.defs#relationship (with did) or #notFoundActor (without): those lack a did and are skipped.
const RelationshipsSchema = v.object({
  relationships: v.array(
    v.object({
      did: v.optional(v.string()),
      following: v.optional(v.string()),
      followedBy: v.optional(v.string()),
    }),
  ),
});
/** The fields of com.atproto.server.createSession that TeamFollow uses. */
export const SessionSchema = v.object({
  accessJwt: v.string(),
  did: v.string(),
  didDoc: v.optional(
    v.object({
      service: v.optional(
        v.array(v.object({ id: v.string(), type: v.optional(v.string()), serviceEndpoint: v.unknown() })),
      ),
    }),
  ),
});
const CreateRecordSchema = v.object({ uri: v.string() });

interface Session {
  accessJwt: string;
  did: string;
  pds: string;
}

const isDid = (handle: string) => handle.startsWith('did:');

/** The PDS named in the session's DID document, as an https origin; the JWT goes nowhere else. */
export function pdsFrom(
  service: readonly { id: string; serviceEndpoint: unknown }[] | undefined,
): string | undefined {
  const endpoint = service?.find((entry) => entry.id.endsWith('#atproto_pds'))?.serviceEndpoint;
  if (typeof endpoint !== 'string') return undefined;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** One XRPC call, and the error for an answer its caller did not expect: the client's and the publisher's. */
export function blueskyTransport(fetch: Fetch, now: () => number) {
  async function xrpc(
    base: string,
    nsid: string,
    options: { params?: [string, string][]; body?: unknown; token?: string } = {},
  ): Promise<Response> {
    const query = (options.params ?? [])
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return send(fetch, NAME, `${base}/xrpc/${nsid}${query ? `?${query}` : ''}`, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  /** The error for a non-2xx answer, after the callers handled the ones they expect. */
  async function failure(response: Response): Promise<Error> {
    const { status } = response;
    if (status === 429)
      return new RateLimitError(rateLimitText(NAME), retryAt(response.headers, now(), RESET));
    const { error, message } = await errorBody(response);
    if (status >= 500) return serverTrouble(NAME, status);
    if (status === 401) return new ApiError(t('api_bluesky_signInRefused'), 401);
    return answeredHttp(NAME, status, message ?? error);
  }
  return { xrpc, failure };
}

/**
 * Bluesky client. Reads go to the public AppView without credentials: handles become DIDs through
 * app.bsky.actor.getProfiles (25 a call, missing accounts are left out), then app.bsky.graph.getRelationships
 * (30 a call) answers for the DIDs. Follows create an app.bsky.graph.follow record on the user's PDS with a session
 * from com.atproto.server.createSession, made once and made again when it expires (30 per 5 min allowed).
 */
export function createBlueskyApi(config: BlueskyConfig): FollowApi {
  const { handle: own, appPassword, fetch } = config;
  const appView = config.appView ?? 'https://public.api.bsky.app';
  const entryway = config.entryway ?? 'https://bsky.social';
  const now = config.now ?? Date.now;
  assertCanonical('bluesky', own, NAME);
  const { xrpc, failure } = blueskyTransport(fetch, now);

  let ownDid: string | undefined = isDid(own) ? own : undefined;
  let session: Session | undefined;
  // Handle → DID, learned once per client (DIDs are permanent; a handle moving to another DID is rare).
  const dids = new Map<string, string>();

  async function ownDidOrResolve(): Promise<string> {
    if (ownDid) return ownDid;
    const response = await xrpc(appView, 'com.atproto.identity.resolveHandle', { params: [['handle', own]] });
    if (response.status === 400 || response.status === 404)
      throw new ApiError(t('api_bluesky_ownNotFound', { handle: own }), 404);
    if (!response.ok) throw await failure(response);
    ownDid = (await readJson(response, ResolveHandleSchema, NAME)).did;
    return ownDid;
  }

  /** Learns the DIDs of handles not seen yet; handles Bluesky does not know stay unknown. */
  async function learnDids(handles: readonly string[]): Promise<void> {
    const unknown = [...new Set(handles)].filter((handle) => !isDid(handle) && !dids.has(handle));
    for (const batch of chunk(unknown, PROFILES_PER_CALL)) {
      const response = await xrpc(appView, 'app.bsky.actor.getProfiles', {
        params: batch.map((handle) => ['actors', handle]),
      });
      if (!response.ok) throw await failure(response);
      // A profile whose handle no longer verifies comes back as handle.invalid and matches nothing: unknown.
      for (const profile of (await readJson(response, ProfilesSchema, NAME)).profiles)
        if (batch.includes(profile.handle.toLowerCase())) dids.set(profile.handle.toLowerCase(), profile.did);
    }
  }

  const didOf = (handle: string) => (isDid(handle) ? handle : dids.get(handle));

  async function relationships(handles: readonly string[]): Promise<Map<string, Relationship>> {
    for (const handle of handles) assertCanonical('bluesky', handle, NAME);
    const me = await ownDidOrResolve();
    await learnDids(handles);
    const others = [...new Set(handles.map(didOf))].filter(
      (did): did is string => did !== undefined && did !== me,
    );
    const byDid = new Map<string, Relationship>();
    for (const batch of chunk(others, RELATIONSHIPS_PER_CALL)) {
      const response = await xrpc(appView, 'app.bsky.graph.getRelationships', {
        params: [['actor', me], ...batch.map((did): [string, string] => ['others', did])],
      });
      if (!response.ok) {
        if ((await errorBody(response.clone())).error === 'ActorNotFound')
          throw new ApiError(t('api_bluesky_ownUnknown', { handle: own }), 404);
        throw await failure(response);
      }
      for (const found of (await readJson(response, RelationshipsSchema, NAME)).relationships)
        if (found.did && batch.includes(found.did))
          byDid.set(found.did, {
            state: found.following ? 'following' : 'not-following',
            followsYou: Boolean(found.followedBy),
          });
    }
    const result = new Map<string, Relationship>();
    for (const handle of handles) {
      const did = didOf(handle);
      const found = did === me ? ({ state: 'self' } as const) : did && byDid.get(did);
      if (found) result.set(handle, found);
    }
    return result;
  }

  async function createSession(): Promise<Session> {
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

  /** An access token the PDS no longer takes: 400 ExpiredToken or 401 (XRPC auth errors). */
  async function expired(response: Response): Promise<boolean> {
    if (response.status === 401) return true;
    if (response.status !== 400) return false;
    const { error } = await errorBody(response.clone());
    return error === 'ExpiredToken' || error === 'InvalidToken';
  }

  async function createFollow(current: Session, did: string): Promise<Response> {
    return xrpc(current.pds, 'com.atproto.repo.createRecord', {
      token: current.accessJwt,
      body: {
        repo: current.did,
        collection: 'app.bsky.graph.follow',
        record: { $type: 'app.bsky.graph.follow', subject: did, createdAt: new Date(now()).toISOString() },
      },
    });
  }

  return {
    site: 'bluesky',
    canFollow: Boolean(appPassword),
    check: relationships,
    async follow(handle) {
      assertCanonical('bluesky', handle, NAME);
      if (!appPassword) throw new ApiError(t('api_bluesky_needAppPassword'), 401);
      // The caller may act on a stale gap: look first, and create no second follow record.
      const current = (await relationships([handle])).get(handle);
      const did = didOf(handle);
      if (!current || !did) throw new ApiError(t('api_bluesky_noAccount', { handle }), 404);
      if (current.state !== 'not-following') return current;
      let response = await createFollow(session ?? (await createSession()), did);
      // Sessions expire: sign in again once, then give up.
      if (await expired(response)) response = await createFollow(await createSession(), did);
      if (!response.ok) {
        if (await expired(response)) throw new ApiError(t('api_bluesky_sessionRefused'), 401);
        throw await failure(response);
      }
      await readJson(response, CreateRecordSchema, NAME);
      return { state: 'following', followsYou: current.followsYou };
    },
  };
}
