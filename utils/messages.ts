import * as v from 'valibot';
import { findMemberByAccount, getFollow, logAction, putFollow, type TeamDb } from './db';
import { accountKey, type FollowRecord } from './model';
import { FOLLOW_STATES, normalizeHandle, SITE_IDS, type SiteId } from './sites/index';

// The typed protocol between content scripts and the background. Every message is validated here:
// a content script runs beside the site's own scripts, so treat what it sends as untrusted input.

const SiteSchema = v.picklist(SITE_IDS);
const HandleSchema = v.pipe(v.string(), v.maxLength(2048));

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
  /** `action`: the state the page confirmed after the user pressed the flag's Follow. */
  source: v.picklist(['page', 'action']),
});

/** The handles visible on a following list page, as the user scrolls it. */
export const ReportListSchema = v.strictObject({
  type: v.literal('report-list'),
  site: SiteSchema,
  owner: HandleSchema,
  handles: v.pipe(v.array(HandleSchema), v.maxLength(500)),
});

/** In a tab the background opened for a follow or check: what the page showed at the end. */
export const IntentDoneSchema = v.strictObject({
  type: v.literal('intent-done'),
  state: v.picklist(FOLLOW_STATES),
  message: v.optional(v.pipe(v.string(), v.maxLength(300))),
});

/** The tab left a teammate's profile (client-side navigation): its badge goes. */
export const LeftProfileSchema = v.strictObject({ type: v.literal('left-profile') });

/** What a content script may ask or tell: who a profile belongs to, and what its page shows. Nothing else. */
export const ContentMessageSchema = v.variant('type', [
  LookupSchema,
  ReportStateSchema,
  ReportListSchema,
  LeftProfileSchema,
  IntentDoneSchema,
]);

/** The message if it is one a content script may send, else null. */
export function parseContentMessage(message: unknown): ContentMessage | null {
  const parsed = v.safeParse(ContentMessageSchema, message);
  return parsed.success ? parsed.output : null;
}

const ApiSiteSchema = v.picklist(['bluesky', 'github', 'mastodon']);

/**
 * What the extension's own pages (popup, options) may ask the background. Never accepted from a content script.
 * Follow and check go through the network's API where it is connected, else through a background tab.
 */
export const PageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('follow'), site: SiteSchema, handle: HandleSchema }),
  v.strictObject({ type: v.literal('check'), site: SiteSchema, handle: HandleSchema }),
  v.strictObject({ type: v.literal('check-all'), site: ApiSiteSchema }),
  v.strictObject({ type: v.literal('follow-all'), site: ApiSiteSchema }),
  v.strictObject({ type: v.literal('stop-all'), site: ApiSiteSchema }),
  // The options page changed the roster: wakes the worker to recount the badge and redo the popup's snapshot.
  v.strictObject({ type: v.literal('data-changed') }),
]);

export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type PageAnswer = { ok: true } | RefusedAnswer;

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
  /** Set in a tab the background opened to follow or check this profile. */
  intent?: 'follow' | 'check';
}

export interface RefusedAnswer {
  ok: false;
  error: string;
}

export type ReportAnswer = { ok: true; recorded: boolean } | RefusedAnswer;

export type ContentAnswer = LookupAnswer | ReportAnswer | RefusedAnswer;

function isCanonical(site: SiteId, handle: string): boolean {
  return normalizeHandle(site, handle) === handle;
}

export interface MessageContext {
  now(): number;
  /** The signed-in user's own handles on a site, as set in the options or seen on their own profile. */
  ownHandles(site: SiteId): Promise<readonly string[]>;
  /** How a follow confirmed by the page came about: the flag's button, or a tab the popup asked for. */
  actionVia: 'page' | 'tab';
}

const defaultContext: MessageContext = { now: Date.now, ownHandles: async () => [], actionVia: 'page' };

const REFUSED_SHAPE: RefusedAnswer = { ok: false, error: 'refused: not a valid TeamFollow message' };
const REFUSED_HANDLE: RefusedAnswer = { ok: false, error: 'refused: not a canonical handle' };

/** Handles one message from a content script against the database. Pure apart from the db and context given. */
export async function handleContentMessage(
  db: TeamDb,
  message: unknown,
  context: Partial<MessageContext> = {},
): Promise<ContentAnswer> {
  const ctx = { ...defaultContext, ...context };
  const msg = parseContentMessage(message);
  if (!msg) return REFUSED_SHAPE;
  // Both are acted on by the background for the sender's own tab only; nothing is stored here.
  if (msg.type === 'left-profile' || msg.type === 'intent-done') return { ok: true, recorded: false };
  if (msg.type === 'report-list') return recordList(db, msg, ctx);
  if (!isCanonical(msg.site, msg.handle)) return REFUSED_HANDLE;
  return msg.type === 'lookup' ? lookup(db, msg) : recordState(db, msg, ctx);
}

async function lookup(db: TeamDb, msg: LookupMessage): Promise<LookupAnswer> {
  const member = await findMemberByAccount(db, msg.site, msg.handle);
  if (!member) return { ok: true, member: null, follow: null };
  const record = await getFollow(db, msg.site, msg.handle);
  const follow = record
    ? {
        state: record.state,
        checkedAt: record.checkedAt,
        source: record.source,
        followsYou: record.followsYou,
      }
    : null;
  return { ok: true, member: { id: member.id, name: member.name }, follow };
}

async function recordState(db: TeamDb, msg: ReportStateMessage, ctx: MessageContext): Promise<ReportAnswer> {
  // Reports about people who are not on the roster are dropped: nothing is stored about strangers.
  const member = await findMemberByAccount(db, msg.site, msg.handle);
  // `unknown` is no evidence: it never overwrites a state that was seen.
  if (!member || msg.state === 'unknown') return { ok: true, recorded: false };
  const at = ctx.now();
  await putFollow(db, {
    key: accountKey(msg.site, msg.handle),
    state: msg.state,
    checkedAt: at,
    source: msg.source,
    ...(msg.followsYou === undefined ? {} : { followsYou: msg.followsYou }),
  });
  // A follow the user made with the flag's button goes into the history.
  if (msg.source === 'action' && (msg.state === 'following' || msg.state === 'requested')) {
    await logAction(db, {
      at,
      site: msg.site,
      handle: msg.handle,
      kind: 'follow',
      via: ctx.actionVia,
      result: 'ok',
    });
  }
  return { ok: true, recorded: true };
}

/** Everyone on the roster who shows up in the user's own following list is followed. */
async function recordList(db: TeamDb, msg: ReportListMessage, ctx: MessageContext): Promise<ReportAnswer> {
  if (!isCanonical(msg.site, msg.owner) || !msg.handles.every((handle) => isCanonical(msg.site, handle))) {
    return REFUSED_HANDLE;
  }
  // Someone else's following list says nothing about whom the user follows.
  if (!(await ctx.ownHandles(msg.site)).includes(msg.owner)) return { ok: true, recorded: false };
  const at = ctx.now();
  const tx = db.transaction(['members', 'follows'], 'readwrite');
  const members = tx.objectStore('members').index('accountKeys');
  const follows = tx.objectStore('follows');
  let recorded = false;
  for (const handle of new Set(msg.handles)) {
    const key = accountKey(msg.site, handle);
    if ((await members.count(key)) === 0) continue;
    const previous = await follows.get(key);
    await follows.put({ ...previous, key, state: 'following', checkedAt: at, source: 'list' });
    recorded = true;
  }
  await tx.done;
  return { ok: true, recorded };
}
