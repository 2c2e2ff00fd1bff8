import * as v from 'valibot';
import { API_SITES } from './api/networks';
import type { FollowRecord } from './model';
import { FOLLOW_STATES, SITE_IDS, type SiteId, UNKNOWN_REASONS } from './sites/index';

// The typed protocol between content scripts, the extension's pages and the background. Every message is validated
// here: a content script runs beside the site's own scripts, so treat what it sends as untrusted input. The handlers
// live in utils/background/.

const SiteSchema = v.picklist(SITE_IDS);
const HandleSchema = v.pipe(v.string(), v.maxLength(2048));
// A numeric user id (X, GitHub) or a DID (did:plc + 24 base32 characters, did:web + a hostname), nothing else.
const STABLE_ID = /^(?:[0-9]{1,30}|did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253})$/;

export const LookupSchema = v.strictObject({
  type: v.literal('lookup'),
  site: SiteSchema,
  handle: HandleSchema,
});

export const ReportStateSchema = v.strictObject({
  type: v.literal('report-state'),
  site: SiteSchema,
  handle: HandleSchema,
  state: v.picklist(FOLLOW_STATES),
  followsYou: v.optional(v.boolean()),
  /** While `unknown`: why the page did not tell (only counted, never stored as a state). */
  reason: v.optional(v.picklist(UNKNOWN_REASONS)),
  /** The site's stable id of the profile (X's or GitHub's numeric user id, a Bluesky DID), where the page shows it. */
  stableId: v.optional(v.pipe(v.string(), v.maxLength(2048), v.regex(STABLE_ID))),
  /** The account the profile says it moved to (Mastodon's moved-account banner); checked as a handle on arrival. */
  movedTo: v.optional(HandleSchema),
  /** The flag pointed at the site's control and the user's own click followed: TeamFollow led to it. */
  led: v.optional(v.literal(true)),
});

/** The handles visible on a following list page, as the user scrolls it. */
export const ReportListSchema = v.strictObject({
  type: v.literal('report-list'),
  site: SiteSchema,
  owner: HandleSchema,
  handles: v.pipe(v.array(HandleSchema), v.maxLength(500)),
});

/** The tab left a teammate's profile (client-side navigation): its badge goes. */
export const LeftProfileSchema = v.strictObject({ type: v.literal('left-profile') });

/** The boot script's one request: inject the page reader, for the profile or following list its page shows. */
export const LoadReaderSchema = v.strictObject({ type: v.literal('load-reader') });

/** What a content script may ask or tell: who a profile belongs to, and what its page shows. Nothing else. */
export const ContentMessageSchema = v.variant('type', [
  LookupSchema,
  ReportStateSchema,
  ReportListSchema,
  LeftProfileSchema,
  LoadReaderSchema,
]);

/** The message if it is one a content script may send, else null. */
export function parseContentMessage(message: unknown): ContentMessage | null {
  const parsed = v.safeParse(ContentMessageSchema, message);
  return parsed.success ? parsed.output : null;
}

const ApiSiteSchema = v.picklist(API_SITES);

/**
 * What the extension's own pages (popup, options) may ask the background. Never accepted from a content script.
 * Follow and check go through the network's API where it is connected, else open the profile in front for the user.
 */
export const PageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('follow'), site: SiteSchema, handle: HandleSchema }),
  v.strictObject({ type: v.literal('check'), site: SiteSchema, handle: HandleSchema }),
  v.strictObject({ type: v.literal('check-all'), site: ApiSiteSchema }),
  // Only the accounts the user ticked in the review list, never more than the roster holds.
  v.strictObject({
    type: v.literal('follow-all'),
    site: ApiSiteSchema,
    handles: v.pipe(v.array(HandleSchema), v.minLength(1), v.maxLength(20_000)),
  }),
  v.strictObject({ type: v.literal('stop-all'), site: ApiSiteSchema }),
  // The options page changed the roster: wakes the worker to recount the badge and redo the popup's snapshot.
  v.strictObject({ type: v.literal('data-changed') }),
  // Which profile the active tab shows and whether it is a teammate's: the popup's "Add to team".
  v.strictObject({ type: v.literal('active-profile') }),
]);

export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
/** The profile the active tab shows, with its display name from the tab's title and its teammate if any. */
export interface ActiveProfile {
  site: SiteId;
  handle: string;
  displayName: string;
  member: { id: string; name: string } | null;
}

/**
 * `opened`: the profile was opened in front for the user (the popup then closes).
 * `profile`: the answer to `active-profile`, null when the active tab shows no profile.
 */
export type PageAnswer = { ok: true; opened?: boolean; profile?: ActiveProfile | null } | RefusedAnswer;

export function parsePageMessage(message: unknown): PageMessage | null {
  const parsed = v.safeParse(PageMessageSchema, message);
  return parsed.success ? parsed.output : null;
}

export type LookupMessage = v.InferOutput<typeof LookupSchema>;
export type ReportStateMessage = v.InferOutput<typeof ReportStateSchema>;
export type ReportListMessage = v.InferOutput<typeof ReportListSchema>;
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;

/** The answer to a lookup: only what the on-page flag shows (the name), never team, email or other accounts. */
export interface LookupAnswer {
  ok: true;
  member: { id: string; name: string } | null;
  follow: Pick<FollowRecord, 'state' | 'checkedAt' | 'source' | 'followsYou'> | null;
  /** Set in the tab the popup opened (or brought to the front) to follow or check this profile. */
  intent?: 'follow' | 'check';
}

export interface RefusedAnswer {
  ok: false;
  error: string;
}

export type ReportAnswer = { ok: true; recorded: boolean } | RefusedAnswer;

export type ContentAnswer = LookupAnswer | ReportAnswer | RefusedAnswer;
