import * as v from 'valibot';
import { t } from '../i18n/index';
import { ApiError, type Fetch, RateLimitError, retryAt, send } from './http';
import { NETWORKS } from './networks';

// Signing in to a Mastodon instance with OAuth (authorization code grant), all inside the browser: TeamFollow
// registers itself as an application on the user's own instance, the browser's auth window asks the user, and the
// code becomes the same access token a pasted one would be. No server of TeamFollow's takes part.

/**
 * What TeamFollow may do with the token, and no more (granular scopes exist since Mastodon 2.4.3, PR #7929):
 * read:accounts for verify_credentials and accounts/lookup, read:follows for relationships, read:search for the
 * resolving v2/search that finds teammates the instance never saw, write:follows to follow.
 */
export const MASTODON_SCOPES = 'read:accounts read:follows read:search write:follows';

const CLIENT_NAME = 'TeamFollow';
const NAME = 'Mastodon';

/** TeamFollow's application on one instance, as `POST /api/v1/apps` registered it. */
export interface MastodonClient {
  clientId: string;
  clientSecret: string;
  /** The redirect URL and scopes it was registered with: a change (another browser profile, new scopes) registers anew. */
  redirectUri: string;
  scopes: string;
}

export interface SignInDeps {
  fetch: Fetch;
  /** `identity.launchWebAuthFlow`: resolves to the URL the instance redirected to. */
  launchWebAuthFlow: (details: { url: string; interactive: boolean }) => Promise<string | undefined>;
  /** `identity.getRedirectURL()`. */
  redirectUri: string;
  loadClient: (instance: string) => Promise<MastodonClient | undefined>;
  saveClient: (instance: string, client: MastodonClient | undefined) => Promise<void>;
  /** Random bytes for the state and the PKCE verifier; crypto.getRandomValues unless a test fixes them. */
  randomBytes?: (length: number) => Uint8Array;
}

export interface SignedIn {
  token: string;
  /** Who signed in, as `user@instance`. */
  account: string;
}

/** A sign-in that did not finish; the message says why and never contains a secret. */
export class SignInError extends ApiError {
  constructor(message: string, status: number) {
    super(message, status);
    this.name = 'SignInError';
  }
}

const AppSchema = v.object({ client_id: v.string(), client_secret: v.string() });
const MetadataSchema = v.object({ code_challenge_methods_supported: v.optional(v.array(v.string())) });
const TokenSchema = v.object({
  access_token: v.pipe(v.string(), v.minLength(1)),
  scope: v.optional(v.string()),
});
const AccountSchema = v.object({ acct: v.string() });
const OAuthErrorSchema = v.object({
  error: v.optional(v.string()),
  error_description: v.optional(v.string()),
});

/** The body as JSON checked against `schema`, or undefined. */
async function bodyOf<T>(response: Response, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
  try {
    const parsed = v.safeParse(schema, JSON.parse(await response.text()));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/** The instance's own words for a refusal (OAuth's error_description, or Mastodon's error), cut short, with any of
 * `secrets` it echoed blotted out. */
async function reasonOf(response: Response, secrets: readonly string[]): Promise<string> {
  const body = await bodyOf(response, OAuthErrorSchema);
  let reason = (body?.error_description ?? body?.error ?? `HTTP ${response.status}`).slice(0, 200);
  for (const secret of secrets) if (secret) reason = reason.replaceAll(secret, '…');
  return reason;
}

/** The error for an answer that is not 2xx, before anything more specific applies. */
async function refusal(
  instance: string,
  response: Response,
  secrets: readonly string[] = [],
): Promise<Error> {
  if (response.status === 429)
    return new RateLimitError(
      t('signin_rateLimited', { instance }),
      retryAt(response.headers, Date.now(), NETWORKS.mastodon.reset),
    );
  if (response.status >= 500)
    return new SignInError(
      t('signin_serverTrouble', { instance, status: String(response.status) }),
      response.status,
    );
  return new SignInError(
    t('signin_refused', { instance, reason: await reasonOf(response, secrets) }),
    response.status,
  );
}

async function post(
  fetch: Fetch,
  url: string,
  body: URLSearchParams | string,
  instance: string,
): Promise<Response> {
  try {
    return await send(fetch, NAME, url, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': typeof body === 'string' ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      body,
    });
  } catch {
    throw new SignInError(t('signin_unreachable', { instance }), 0);
  }
}

/** Whether the instance takes PKCE with S256: it says so in its OAuth metadata (RFC 8414; Mastodon 4.3+). */
export async function supportsPkce(instance: string, fetch: Fetch): Promise<boolean> {
  try {
    const response = await fetch(`https://${instance}/.well-known/oauth-authorization-server`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return false;
    const metadata = await bodyOf(response, MetadataSchema);
    return metadata?.code_challenge_methods_supported?.includes('S256') ?? false;
  } catch {
    // Older instances have no metadata: sign in without PKCE, as they expect.
    return false;
  }
}

/** Registers TeamFollow on the instance (`POST /api/v1/apps`) with the extension's redirect URL and the scopes. */
export async function registerClient(
  instance: string,
  redirectUri: string,
  fetch: Fetch,
): Promise<MastodonClient> {
  const body = JSON.stringify({
    client_name: CLIENT_NAME,
    redirect_uris: redirectUri,
    scopes: MASTODON_SCOPES,
  });
  const response = await post(fetch, `https://${instance}/api/v1/apps`, body, instance);
  if (!response.ok) throw await refusal(instance, response);
  const app = await bodyOf(response, AppSchema);
  if (!app) throw new SignInError(t('signin_unreadable', { instance }), 502);
  return { clientId: app.client_id, clientSecret: app.client_secret, redirectUri, scopes: MASTODON_SCOPES };
}

/** The saved application for this instance when it still fits, else a new registration (saved for next time). */
export async function clientFor(instance: string, deps: SignInDeps): Promise<MastodonClient> {
  const saved = await deps.loadClient(instance);
  if (saved && saved.redirectUri === deps.redirectUri && saved.scopes === MASTODON_SCOPES) return saved;
  const client = await registerClient(instance, deps.redirectUri, deps.fetch);
  await deps.saveClient(instance, client);
  return client;
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const systemRandom = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** A PKCE pair (RFC 7636): a 43-character verifier from 32 random bytes, and its S256 challenge. */
export async function pkcePair(
  random: (length: number) => Uint8Array = systemRandom,
): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(random(32));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** The instance's authorization page for this client, state and (when supported) PKCE challenge. */
export function authorizeUrl(
  instance: string,
  client: MastodonClient,
  state: string,
  challenge?: string,
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: MASTODON_SCOPES,
    state,
  });
  if (challenge) {
    query.set('code_challenge', challenge);
    query.set('code_challenge_method', 'S256');
  }
  return `https://${instance}/oauth/authorize?${query}`;
}

/**
 * The authorization code from the URL the auth window ended on. The state must be the one sent (else the answer
 * belongs to another sign-in, or to someone else's); an `error` there is the instance's or the user's "no".
 */
export function codeFromRedirect(
  redirected: string,
  redirectUri: string,
  state: string,
  instance: string,
): string {
  const url = URL.canParse(redirected) ? new URL(redirected) : undefined;
  if (!url || !redirected.startsWith(redirectUri))
    throw new SignInError(t('signin_unexpectedRedirect', { instance }), 400);
  const query = url.searchParams;
  if (query.get('state') !== state) throw new SignInError(t('signin_stateMismatch', { instance }), 400);
  const error = query.get('error');
  if (error === 'access_denied') throw new SignInError(t('signin_denied', { instance }), 403);
  if (error)
    throw new SignInError(
      t('signin_refused', { instance, reason: (query.get('error_description') ?? error).slice(0, 200) }),
      400,
    );
  const code = query.get('code');
  if (!code) throw new SignInError(t('signin_unexpectedRedirect', { instance }), 400);
  return code;
}

/** Trades the code for an access token at `POST /oauth/token`; the token must carry every scope asked for. */
export async function exchangeCode(
  instance: string,
  client: MastodonClient,
  code: string,
  verifier: string | undefined,
  fetch: Fetch,
): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uri: client.redirectUri,
    scope: MASTODON_SCOPES,
  });
  if (verifier) form.set('code_verifier', verifier);
  const response = await post(fetch, `https://${instance}/oauth/token`, form, instance);
  if (!response.ok) {
    const failure = await bodyOf(response.clone(), OAuthErrorSchema);
    if (failure?.error === 'invalid_client')
      throw new SignInError(t('signin_clientUnknown', { instance }), 401);
    if (failure?.error === 'invalid_grant') throw new SignInError(t('signin_codeRefused', { instance }), 400);
    throw await refusal(instance, response, [client.clientSecret, code, verifier ?? '']);
  }
  const token = await bodyOf(response, TokenSchema);
  if (!token) throw new SignInError(t('signin_unreadable', { instance }), 502);
  const granted = token.scope?.split(/\s+/);
  const missing = granted ? MASTODON_SCOPES.split(' ').filter((scope) => !granted.includes(scope)) : [];
  if (missing.length > 0)
    throw new SignInError(t('signin_scopeMissing', { instance, scopes: missing.join(' ') }), 403);
  return token.access_token;
}

/** The account the token signs in as (`GET /api/v1/accounts/verify_credentials`), as `user@instance`. */
export async function verifiedAccount(instance: string, token: string, fetch: Fetch): Promise<string> {
  let response: Response;
  try {
    response = await send(fetch, NAME, `https://${instance}/api/v1/accounts/verify_credentials`, {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new SignInError(t('signin_unreachable', { instance }), 0);
  }
  if (!response.ok) throw await refusal(instance, response, [token]);
  const account = await bodyOf(response, AccountSchema);
  if (!account) throw new SignInError(t('signin_unreadable', { instance }), 502);
  return `${account.acct.toLowerCase()}@${instance}`;
}

/** What became of a token TeamFollow asked its instance to revoke. */
export type Revocation =
  | { outcome: 'revoked' }
  /** The instance says the token belongs to another application: one the user made and pasted the token of. */
  | { outcome: 'notOurs' }
  /** No answer (offline, or no host permission, as /oauth/revoke has no CORS), or a refusal; `reason` holds no secret. */
  | { outcome: 'failed'; reason: string };

// A disconnect waits for the revocation: an instance that hangs must not hold it up for long.
const REVOKE_TIMEOUT_MS = 10_000;

/**
 * Revokes the token on its instance (`POST /oauth/revoke`, RFC 7009) with the application it was issued to; never
 * rejects. The instance answers 200 for a token it revoked or no longer knows, 403 for another application's token.
 */
export async function revokeToken(
  instance: string,
  client: MastodonClient,
  token: string,
  fetch: Fetch,
): Promise<Revocation> {
  const form = new URLSearchParams({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    token,
  });
  let response: Response;
  try {
    response = await fetch(`https://${instance}/oauth/revoke`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
    });
  } catch {
    return { outcome: 'failed', reason: t('signin_revokeNoAnswer', { instance }) };
  }
  if (response.ok) return { outcome: 'revoked' };
  const failure = await bodyOf(response.clone(), OAuthErrorSchema);
  if (response.status === 403 && failure?.error === 'unauthorized_client') return { outcome: 'notOurs' };
  return { outcome: 'failed', reason: await reasonOf(response, [token, client.clientSecret]) };
}

/**
 * The whole sign-in: the application (saved, or registered now), the auth window, the state check, the code
 * exchange (PKCE where the instance has it), and the account the token belongs to.
 */
export async function signInToMastodon(instance: string, deps: SignInDeps): Promise<SignedIn> {
  const random = deps.randomBytes ?? systemRandom;
  const [client, pkce] = await Promise.all([clientFor(instance, deps), supportsPkce(instance, deps.fetch)]);
  const state = base64Url(random(16));
  const pair = pkce ? await pkcePair(random) : undefined;
  let redirected: string | undefined;
  try {
    redirected = await deps.launchWebAuthFlow({
      url: authorizeUrl(instance, client, state, pair?.challenge),
      interactive: true,
    });
  } catch (error) {
    // Chrome words a page that did not load this way; every other rejection is the window closed without an answer.
    const message = error instanceof Error ? error.message : String(error);
    if (/could not be loaded/i.test(message)) throw new SignInError(t('signin_pageFailed', { instance }), 0);
    throw new SignInError(t('signin_closed', { instance }), 499);
  }
  if (!redirected) throw new SignInError(t('signin_closed', { instance }), 499);
  const code = codeFromRedirect(redirected, client.redirectUri, state, instance);
  let token: string;
  try {
    token = await exchangeCode(instance, client, code, pair?.verifier, deps.fetch);
  } catch (error) {
    // The instance forgot the application (deleted, or the instance was reset): register anew next time.
    if (error instanceof SignInError && error.status === 401) await deps.saveClient(instance, undefined);
    throw error;
  }
  return { token, account: await verifiedAccount(instance, token, deps.fetch) };
}
