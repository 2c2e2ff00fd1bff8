import * as v from 'valibot';
import { type FollowRecord, findMemberByAccount, putFollow, type TeamDb } from './db';
import { FOLLOW_STATES, isSiteId, normalizeHandle, SITE_IDS, type SiteId } from './sites/index';

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
  source: v.picklist(['page', 'list', 'action']),
});

/** What a content script may ask: who a profile belongs to, and what its page shows. Nothing else. */
export const ContentMessageSchema = v.variant('type', [LookupSchema, ReportStateSchema]);

export type LookupMessage = v.InferOutput<typeof LookupSchema>;
export type ReportStateMessage = v.InferOutput<typeof ReportStateSchema>;
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;

/** The answer to a lookup: only what the on-page flag shows (the name), never team, email or other accounts. */
export interface LookupAnswer {
  ok: true;
  member: { id: string; name: string } | null;
  follow: Pick<FollowRecord, 'state' | 'checkedAt' | 'source' | 'followsYou'> | null;
}

export interface RefusedAnswer {
  ok: false;
  error: string;
}

export type ReportAnswer = { ok: true; recorded: boolean } | RefusedAnswer;

export type ContentAnswer = LookupAnswer | ReportAnswer | RefusedAnswer;

function canonical(site: SiteId, handle: string): string | null {
  const normalized = normalizeHandle(site, handle);
  return normalized === handle ? normalized : null;
}

/** Handles one message from a content script against the database. Pure apart from the db it is given. */
export async function handleContentMessage(
  db: TeamDb,
  message: unknown,
  now: () => number = Date.now,
): Promise<ContentAnswer> {
  const parsed = v.safeParse(ContentMessageSchema, message);
  if (!parsed.success) return { ok: false, error: 'refused: not a valid TeamFollow message' };
  const msg = parsed.output;
  if (!isSiteId(msg.site) || canonical(msg.site, msg.handle) === null) {
    return { ok: false, error: 'refused: not a canonical handle' };
  }
  const member = await findMemberByAccount(db, msg.site, msg.handle);
  if (msg.type === 'lookup') {
    if (!member) return { ok: true, member: null, follow: null };
    const record = await db.get('follows', `${msg.site}:${msg.handle}`);
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
  // Reports about people who are not on the roster are dropped: nothing is stored about strangers.
  if (!member) return { ok: true, recorded: false };
  // `unknown` is no evidence: it never overwrites a state that was seen.
  if (msg.state === 'unknown') return { ok: true, recorded: false };
  await putFollow(db, {
    key: `${msg.site}:${msg.handle}`,
    state: msg.state,
    checkedAt: now(),
    source: msg.source,
    ...(msg.followsYou === undefined ? {} : { followsYou: msg.followsYou }),
  });
  return { ok: true, recorded: true };
}
