import {
  findAccountByStableId,
  findMemberByAccount,
  getFollow,
  logAction,
  putFollow,
  recordFollowedInList,
  type TeamDb,
} from '../db';
import { pageInstance } from '../instances';
import {
  type ContentAnswer,
  type ContentMessage,
  type LookupAnswer,
  type LookupMessage,
  parseContentMessage,
  type RefusedAnswer,
  type ReportAnswer,
  type ReportListMessage,
  type ReportStateMessage,
} from '../messages';
import { accountKey, type Member } from '../model';
import type { RenameSuggestion } from '../settings';
import {
  normalizeHandle,
  parseFollowingListUrl,
  parseProfileUrl,
  type SiteId,
  type UnknownReason,
} from '../sites/index';
import { isStorable } from '../sites/storable';

// What the background does with each message of a content script: look a profile up, record what a page showed.

function isCanonical(site: SiteId, handle: string): boolean {
  return normalizeHandle(site, handle) === handle;
}

export interface MessageContext {
  now(): number;
  /** The signed-in user's own handles on a site, as set in the options or seen on their own profile. */
  ownHandles(site: SiteId): Promise<readonly string[]>;
  /** How a follow confirmed by the page came about: the flag's button, or a tab the popup asked for. */
  actionVia: 'page' | 'tab';
  /**
   * The addresses the browser gives for the sending page (the frame's, and its tab's, which follows client-side
   * navigation): a report is taken only for the profile that page shows.
   */
  senderUrls: readonly string[];
  /** A teammate's profile on `site` could not be read in a known form (counted for the popup's notice). */
  countUnreadable(site: SiteId): Promise<void>;
  /** Why a teammate's page could not tell, for the popup to say (kept apart from the follow records). */
  noteUnknown(site: SiteId, handle: string, reason: UnknownReason): Promise<void>;
  /** A teammate's handle seems to have changed: kept for the popup to ask the user. */
  suggestRename(suggestion: RenameSuggestion): Promise<void>;
  /** Injects `site`'s page reader into the sending page; false when the browser would not. */
  injectReader(site: SiteId): Promise<boolean>;
}

const defaultContext: MessageContext = {
  now: Date.now,
  ownHandles: async () => [],
  actionVia: 'page',
  senderUrls: [],
  countUnreadable: async () => undefined,
  noteUnknown: async () => undefined,
  suggestRename: async () => undefined,
  injectReader: async () => false,
};

/** Whether the sender's page shows the profile of `site:handle` (a page can only speak for itself). */
function sentFromProfile(ctx: MessageContext, site: SiteId, handle: string): boolean {
  return ctx.senderUrls.some((url) => {
    const shown = parseProfileUrl(url, { mastodonHosts: pageInstance(url) });
    return shown?.site === site && shown.handle === handle;
  });
}

/** Whether the sender's page is the following list of `owner` on `site`. */
function sentFromList(ctx: MessageContext, site: SiteId, owner: string): boolean {
  return ctx.senderUrls.some((url) => {
    const shown = parseFollowingListUrl(url, { mastodonHosts: pageInstance(url) });
    return shown?.site === site && shown.owner === owner;
  });
}

/** The site whose page reader has work on the sender's page (a profile or a following list there), or null. */
export function readerSite(senderUrls: readonly string[]): SiteId | null {
  for (const url of senderUrls) {
    const parse = { mastodonHosts: pageInstance(url) };
    const site = parseProfileUrl(url, parse)?.site ?? parseFollowingListUrl(url, parse)?.site;
    if (site) return site;
  }
  return null;
}

const REFUSED_SHAPE: RefusedAnswer = { ok: false, error: 'refused: not a valid TeamFollow message' };
const REFUSED_HANDLE: RefusedAnswer = { ok: false, error: 'refused: not a canonical handle' };
/** The answer to a message about a profile that the sending page does not show. */
export const REFUSED_PAGE: RefusedAnswer = {
  ok: false,
  error: 'refused: the sending page does not show that profile',
};

const REFUSED_READER: RefusedAnswer = { ok: false, error: 'refused: the page reader could not be injected' };

/** Handles one message from a content script against the database: parsed here, once. */
export async function handleContentMessage(
  db: TeamDb,
  message: unknown,
  context: Partial<MessageContext> = {},
): Promise<ContentAnswer> {
  const msg = parseContentMessage(message);
  return msg ? answerContentMessage(db, msg, context) : REFUSED_SHAPE;
}

/** Answers a content script's message, already parsed, through the handler of its type. */
export function answerContentMessage(
  db: TeamDb,
  msg: ContentMessage,
  context: Partial<MessageContext> = {},
): Promise<ContentAnswer> {
  const handler = CONTENT_HANDLERS[msg.type] as ContentHandler<ContentMessage>;
  return handler(db, msg, { ...defaultContext, ...context });
}

type ContentHandler<M extends ContentMessage> = (
  db: TeamDb,
  msg: M,
  ctx: MessageContext,
) => Promise<ContentAnswer>;

// Acted on by the background for the sender's own tab only (its badge); nothing is stored here.
const nothingToStore = async (): Promise<ReportAnswer> => ({ ok: true, recorded: false });

/** One handler per message type a content script may send. */
const CONTENT_HANDLERS: {
  [T in ContentMessage['type']]: ContentHandler<Extract<ContentMessage, { type: T }>>;
} = {
  lookup: async (db, msg, ctx) => {
    if (!isCanonical(msg.site, msg.handle)) return REFUSED_HANDLE;
    return sentFromProfile(ctx, msg.site, msg.handle) ? lookup(db, msg) : REFUSED_PAGE;
  },
  'report-state': async (db, msg, ctx) => {
    if (!isCanonical(msg.site, msg.handle)) return REFUSED_HANDLE;
    return sentFromProfile(ctx, msg.site, msg.handle) ? recordState(db, msg, ctx) : REFUSED_PAGE;
  },
  'report-list': recordList,
  'left-profile': nothingToStore,
  // Only for a page that shows a profile or a following list: every other page keeps nothing but the boot script.
  'load-reader': async (_db, _msg, ctx) => {
    const site = readerSite(ctx.senderUrls);
    if (!site) return REFUSED_PAGE;
    return (await ctx.injectReader(site)) ? { ok: true, recorded: false } : REFUSED_READER;
  },
};

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
  if (!member) {
    if (msg.stableId) await noticeRename(db, msg, msg.stableId, ctx);
    return { ok: true, recorded: false };
  }
  if (msg.movedTo) await noticeMove(db, msg, msg.movedTo, member, ctx);
  // `unknown` is no evidence: it never overwrites a state that was seen. A page of no known form is counted.
  if (msg.state === 'unknown') {
    if (msg.reason === 'layout') await ctx.countUnreadable(msg.site);
    if (msg.reason) await ctx.noteUnknown(msg.site, msg.handle, msg.reason);
    return { ok: true, recorded: false };
  }
  const at = ctx.now();
  await putFollow(db, {
    key: accountKey(msg.site, msg.handle),
    state: msg.state,
    checkedAt: at,
    source: 'page',
    ...(msg.followsYou === undefined ? {} : { followsYou: msg.followsYou }),
    ...(msg.stableId ? { stableId: msg.stableId } : {}),
  });
  // The flag pointed at the site's control and the user's click followed: TeamFollow led to it, so it is history.
  if (msg.led && (msg.state === 'following' || msg.state === 'requested')) {
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

/**
 * A handle not on the roster whose page shows the stable id recorded for a teammate's account on the same site: that
 * account was renamed. Only suggested: the roster changes on the user's word, never splitting or merging people.
 */
async function noticeRename(db: TeamDb, msg: ReportStateMessage, stableId: string, ctx: MessageContext) {
  const known = await findAccountByStableId(db, msg.site, stableId);
  if (!known || known.handle === msg.handle) return;
  await ctx.suggestRename({
    site: msg.site,
    from: known.handle,
    to: msg.handle,
    memberId: known.member.id,
    memberName: known.member.name,
    stableId,
    seenAt: ctx.now(),
  });
}

/**
 * A teammate's account whose page says it moved: the new account is offered in its place, only on the user's word,
 * and never when it belongs to another teammate (two people are not merged).
 */
async function noticeMove(
  db: TeamDb,
  msg: ReportStateMessage,
  movedTo: string,
  member: Member,
  ctx: MessageContext,
) {
  if (movedTo === msg.handle || !isStorable(msg.site, movedTo)) return;
  const holder = await findMemberByAccount(db, msg.site, movedTo);
  if (holder && holder.id !== member.id) return;
  await ctx.suggestRename({
    site: msg.site,
    from: msg.handle,
    to: movedTo,
    memberId: member.id,
    memberName: member.name,
    kind: 'moved',
    seenAt: ctx.now(),
  });
}

/** Everyone on the roster who shows up in the user's own following list is followed. */
async function recordList(db: TeamDb, msg: ReportListMessage, ctx: MessageContext): Promise<ReportAnswer> {
  if (!isCanonical(msg.site, msg.owner) || !msg.handles.every((handle) => isCanonical(msg.site, handle))) {
    return REFUSED_HANDLE;
  }
  if (!sentFromList(ctx, msg.site, msg.owner)) return REFUSED_PAGE;
  // Someone else's following list says nothing about whom the user follows.
  if (!(await ctx.ownHandles(msg.site)).includes(msg.owner)) return { ok: true, recorded: false };
  return { ok: true, recorded: await recordFollowedInList(db, msg.site, new Set(msg.handles), ctx.now()) };
}
