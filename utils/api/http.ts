import * as v from 'valibot';
import { formatDate, t } from '../i18n/index';
import { normalizeHandle } from '../sites/index';
import type { ApiSite, NetworkFacts } from './networks';

// The HTTP toolbox of the three API clients: errors, sending, reading JSON, rate-limit times.

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Relationship {
  state: 'following' | 'not-following' | 'requested' | 'self';
  followsYou?: boolean;
}

export interface FollowApi {
  site: ApiSite;
  /** Relationships for canonical handles, batched as the API allows. Handles the API could not find are absent from the map (their state stays unknown: never guess). */
  check(handles: readonly string[]): Promise<Map<string, Relationship>>;
  /** Follows one canonical handle; resolves to the new state ('following', or 'requested' for locked accounts). Idempotent where the API is (already followed → 'following'). */
  follow(handle: string): Promise<Relationship>;
  /** Whether follow() can work (credentials given). */
  canFollow: boolean;
}

/** The site said "too many requests": stop, and try again at retryAt. */
export class RateLimitError extends Error {
  constructor(
    message: string,
    readonly retryAt: number /* epoch ms */,
  ) {
    super(message);
    this.name = 'RateLimitError';
  }
}

/** Any other refusal, with a message a person understands. status 0 = unreachable, 502 = unreadable answer. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SECOND = 1000;

/** Refuses a handle that is not canonical for its site: only validated handles reach a URL. */
export function assertCanonical(site: ApiSite, handle: string, siteName: string): void {
  if (typeof handle !== 'string' || normalizeHandle(site, handle) !== handle)
    throw new ApiError(t('api_notCanonical', { handle: String(handle), site: siteName }), 400);
}

/** Sends one request; a network failure becomes an ApiError with status 0. */
export async function send(
  fetch: Fetch,
  siteName: string,
  url: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(t('api_unreachable', { site: siteName }), 0);
  }
}

/** The JSON body checked against the fields the client uses; anything else is an unreadable answer. */
export async function readJson<T>(
  response: Response,
  schema: v.GenericSchema<unknown, T>,
  siteName: string,
): Promise<T> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new ApiError(t('api_unreadable', { site: siteName }), 502);
  return parsed.output;
}

const ErrorBodySchema = v.object({
  error: v.optional(v.unknown()),
  message: v.optional(v.unknown()),
});

/** The `error` and `message` strings of an error body (XRPC, GitHub and Mastodon all use these names), if any. */
export async function errorBody(response: Response): Promise<{ error?: string; message?: string }> {
  try {
    const parsed = v.safeParse(ErrorBodySchema, JSON.parse(await response.text()));
    if (!parsed.success) return {};
    const pick = (value: unknown) => (typeof value === 'string' ? value.slice(0, 300) : undefined);
    return { error: pick(parsed.output.error), message: pick(parsed.output.message) };
  } catch {
    return {};
  }
}

// Without any header the caller waits a minute (GitHub's own advice for secondary limits).
const DEFAULT_WAIT_MS = 60 * SECOND;

/**
 * When to try again: `retry-after` (seconds or an HTTP date) first, as it speaks for this very refusal, then the
 * site's reset header (epoch seconds, or an ISO 8601 date), else a minute from now. A time not in the future is
 * ignored (clock skew), so that the caller never retries at once.
 */
export function retryAt(headers: Headers, now: number, reset?: NetworkFacts['reset']): number {
  const candidates: number[] = [];
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter)
    candidates.push(/^\d+$/.test(retryAfter) ? now + Number(retryAfter) * SECOND : Date.parse(retryAfter));
  const resetValue = reset ? headers.get(reset.header)?.trim() : undefined;
  if (reset && resetValue)
    candidates.push(
      reset.format === 'iso'
        ? Date.parse(resetValue)
        : /^\d+$/.test(resetValue)
          ? Number(resetValue) * SECOND
          : NaN,
    );
  return candidates.find((time) => Number.isFinite(time) && time > now) ?? now + DEFAULT_WAIT_MS;
}

/** A message for a server-side failure. */
export function serverTrouble(siteName: string, status: number): ApiError {
  return new ApiError(t('api_serverTrouble', { site: siteName, status: String(status) }), status);
}

/** Any other refusal: the status, and what the server said about it when it said something. */
export function answeredHttp(siteName: string, status: number, detail?: unknown): ApiError {
  const text = t('api_answeredHttp', { site: siteName, status: String(status) });
  return new ApiError(detail ? t('api_withDetail', { text, detail: String(detail) }) : text, status);
}

/** "GitHub's rate limit is reached", in the UI language. */
export function rateLimitText(siteName: string): string {
  return t('api_rateLimited', { site: siteName });
}

/** What a person reads after a rate limit: the error, and the time to try again. */
export function tryAgainText(error: RateLimitError): string {
  return t('api_tryAgainAfter', {
    error: error.message,
    time: formatDate(error.retryAt, { timeStyle: 'short' }),
  });
}

/** Splits a list into batches of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
