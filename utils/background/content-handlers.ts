import {
  findMemberByAccount,
  getFollow,
  logAction,
  putFollow,
  recordFollowedInList,
  type TeamDb,
} from '../db';
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
import { accountKey } from '../model';
import { normalizeHandle, type SiteId } from '../sites/index';

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
}

const defaultContext: MessageContext = { now: Date.now, ownHandles: async () => [], actionVia: 'page' };

const REFUSED_SHAPE: RefusedAnswer = { ok: false, error: 'refused: not a valid TeamFollow message' };
const REFUSED_HANDLE: RefusedAnswer = { ok: false, error: 'refused: not a canonical handle' };

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

// Both are acted on by the background for the sender's own tab only; nothing is stored here.
const nothingToStore = async (): Promise<ReportAnswer> => ({ ok: true, recorded: false });

/** One handler per message type a content script may send. */
const CONTENT_HANDLERS: {
  [T in ContentMessage['type']]: ContentHandler<Extract<ContentMessage, { type: T }>>;
} = {
  lookup: (db, msg) =>
    isCanonical(msg.site, msg.handle) ? lookup(db, msg) : Promise.resolve(REFUSED_HANDLE),
  'report-state': (db, msg, ctx) =>
    isCanonical(msg.site, msg.handle) ? recordState(db, msg, ctx) : Promise.resolve(REFUSED_HANDLE),
  'report-list': recordList,
  'left-profile': nothingToStore,
  'intent-done': nothingToStore,
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
  return { ok: true, recorded: await recordFollowedInList(db, msg.site, new Set(msg.handles), ctx.now()) };
}
