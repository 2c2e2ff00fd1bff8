import { ApiError, type FollowApi, RateLimitError, type Relationship } from '../api/http';
import type { ApiSite } from '../api/networks';
import {
  fillQueue,
  finishQueued,
  getFollow,
  logAction,
  nextQueued,
  putFollow,
  readMembersAndFollows,
  type TeamDb,
} from '../db';
import { errorText } from '../errors';
import { t } from '../i18n/index';
import { accountKey, type FollowRecord } from '../model';
import type { BulkRun } from '../settings';

// "Check all" and "Follow all" through a network's API. The follow queue lives in IndexedDB and the run's
// progress in storage, so a run goes on after the browser or the service worker restarts. Paced; a rate-limit
// answer waits until the site's reset time instead of failing.

export interface BulkDeps {
  db(): Promise<TeamDb>;
  /** The connected client for a network, or null when it is not connected. */
  api(site: ApiSite): Promise<FollowApi | null>;
  getRun(site: ApiSite): Promise<BulkRun | undefined>;
  saveRun(site: ApiSite, run: BulkRun): Promise<void>;
  /** Milliseconds between two follows on this network. */
  interval(site: ApiSite): Promise<number>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Something was recorded: open pages redraw. */
  changed(): void;
}

const CHECK_CHUNK = 30;
/** Failures a run's report lists by name; the count goes on beyond. */
const MAX_FAILURES = 50;

export class BulkRunner {
  private readonly active = new Set<ApiSite>();

  constructor(private readonly deps: BulkDeps) {}

  /** Starts a run; answers why not when it cannot. */
  /**
   * Starts a run; answers why not when it cannot. "Follow all" follows only `ticked`, the accounts the user ticked
   * in the review list, and of those only teammates still recorded not followed.
   */
  async start(
    site: ApiSite,
    kind: BulkRun['kind'],
    ticked: readonly string[] = [],
  ): Promise<{ ok: true } | { ok: false; error: string }> {
    const api = await this.deps.api(site);
    if (!api) return { ok: false, error: t('background_bulk_notConnected') };
    if (kind === 'follow-all' && !api.canFollow) {
      return { ok: false, error: t('background_bulk_noCredential') };
    }
    if (this.active.has(site)) return { ok: false, error: t('background_bulk_running') };
    const db = await this.deps.db();
    const candidates = await accountsIn(db, site, kind === 'follow-all' ? 'not-following' : 'unknown');
    const wanted = new Set(ticked);
    const handles = kind === 'follow-all' ? candidates.filter((handle) => wanted.has(handle)) : candidates;
    if (kind === 'follow-all' && handles.length === 0)
      return { ok: false, error: t('background_bulk_noneTicked') };
    if (kind === 'follow-all') await fillQueue(db, site, handles, this.deps.now());
    const followed = kind === 'follow-all' ? await accountsIn(db, site, 'following') : [];
    await this.deps.saveRun(site, {
      kind,
      status: 'running',
      total: handles.length,
      done: 0,
      failed: 0,
      startedAt: this.deps.now(),
      ...(kind === 'follow-all'
        ? {
            skipped: candidates.length - handles.length,
            already: ticked.filter((handle) => followed.includes(handle)).length,
            failures: [],
          }
        : {}),
    });
    void this.run(site);
    return { ok: true };
  }

  /** Stops after the request in flight; the queue stays, so a later "Follow all" goes on from there. */
  async stop(site: ApiSite): Promise<void> {
    const run = await this.deps.getRun(site);
    if (run && (run.status === 'running' || run.status === 'waiting')) {
      await this.deps.saveRun(site, { ...run, status: 'stopped', waitUntil: undefined });
    }
  }

  /** After a restart: goes on with every run that was running or waiting. */
  async resume(sites: readonly ApiSite[]): Promise<void> {
    for (const site of sites) {
      const run = await this.deps.getRun(site);
      if (run && (run.status === 'running' || run.status === 'waiting')) void this.run(site);
    }
  }

  private async run(site: ApiSite): Promise<void> {
    if (this.active.has(site)) return;
    this.active.add(site);
    try {
      const run = await this.deps.getRun(site);
      if (run?.kind === 'follow-all') await this.followAll(site);
      else if (run?.kind === 'check-all') await this.checkAll(site);
    } finally {
      this.active.delete(site);
    }
  }

  /** The run as stored, unless the user stopped it meanwhile. */
  private async current(site: ApiSite): Promise<BulkRun | null> {
    const run = await this.deps.getRun(site);
    return run && (run.status === 'running' || run.status === 'waiting') ? run : null;
  }

  private async update(site: ApiSite, change: Partial<BulkRun>): Promise<BulkRun | null> {
    const run = await this.current(site);
    if (!run) return null;
    const next = { ...run, ...change };
    await this.deps.saveRun(site, next);
    return next;
  }

  /** Waits out a rate limit, visibly. Returns false when the user stopped the run meanwhile. */
  private async waitFor(site: ApiSite, error: RateLimitError): Promise<boolean> {
    if (!(await this.update(site, { status: 'waiting', waitUntil: error.retryAt }))) return false;
    await this.deps.sleep(Math.max(0, error.retryAt - this.deps.now()));
    return (await this.update(site, { status: 'running', waitUntil: undefined })) !== null;
  }

  private async fail(site: ApiSite, error: unknown): Promise<void> {
    await this.update(site, {
      status: 'failed',
      message: errorText(error),
    });
  }

  private async followAll(site: ApiSite): Promise<void> {
    const api = await this.deps.api(site);
    if (!api) return this.fail(site, t('background_bulk_disconnected'));
    const db = await this.deps.db();
    for (;;) {
      const item = await nextQueued(db, site);
      if (!item) break;
      if (!(await this.current(site))) return;
      try {
        const relationship = await api.follow(item.handle);
        await record(db, site, item.handle, relationship, this.deps.now());
        await finishQueued(db, item, 'done');
        await logAction(db, {
          at: this.deps.now(),
          site,
          handle: item.handle,
          kind: 'follow',
          via: 'api',
          result: 'ok',
        });
        const run = await this.current(site);
        if (run) await this.update(site, { done: run.done + 1 });
      } catch (error) {
        if (error instanceof RateLimitError) {
          if (await this.waitFor(site, error)) continue;
          return;
        }
        // A refused credential stops the run; a problem with one account skips that account.
        if (error instanceof ApiError && (error.status === 401 || error.status === 0))
          return this.fail(site, error);
        const message = errorText(error);
        await finishQueued(db, item, 'failed', message);
        const at = this.deps.now();
        await logAction(db, {
          at,
          site,
          handle: item.handle,
          kind: 'follow',
          via: 'api',
          result: 'failed',
          detail: message,
        });
        const run = await this.current(site);
        if (run)
          await this.update(site, {
            failed: run.failed + 1,
            failures: [...(run.failures ?? []), { handle: item.handle, error: message }].slice(-MAX_FAILURES),
          });
      }
      this.deps.changed();
      await this.deps.sleep(await this.deps.interval(site));
    }
    await this.update(site, { status: 'done' });
    this.deps.changed();
  }

  private async checkAll(site: ApiSite): Promise<void> {
    const api = await this.deps.api(site);
    if (!api) return this.fail(site, t('background_bulk_disconnected'));
    const db = await this.deps.db();
    // What is still unknown: after a restart the run goes on where it was.
    const handles = await accountsIn(db, site, 'unknown');
    for (let i = 0; i < handles.length; ) {
      if (!(await this.current(site))) return;
      const chunk = handles.slice(i, i + CHECK_CHUNK);
      try {
        const found = await api.check(chunk);
        for (const [handle, relationship] of found)
          await record(db, site, handle, relationship, this.deps.now());
        const run = await this.current(site);
        if (run)
          await this.update(site, {
            done: run.done + found.size,
            failed: run.failed + chunk.length - found.size,
          });
        i += CHECK_CHUNK;
        this.deps.changed();
      } catch (error) {
        if (error instanceof RateLimitError) {
          if (await this.waitFor(site, error)) continue;
          return;
        }
        return this.fail(site, error);
      }
    }
    await this.update(site, { status: 'done' });
  }
}

/** The canonical handles on a network whose recorded state is `state` (no record = unknown). */
async function accountsIn(
  db: TeamDb,
  site: ApiSite,
  state: 'not-following' | 'unknown' | 'following',
): Promise<string[]> {
  const { members, follows } = await readMembersAndFollows(db);
  const recorded = new Map(follows.map((f) => [f.key, f.state]));
  const handles = members.flatMap((m) => m.accounts.filter((a) => a.site === site).map((a) => a.handle));
  return [...new Set(handles)].filter(
    (handle) => (recorded.get(accountKey(site, handle)) ?? 'unknown') === state,
  );
}

async function record(db: TeamDb, site: ApiSite, handle: string, relationship: Relationship, at: number) {
  const follow: FollowRecord = {
    key: accountKey(site, handle),
    state: relationship.state,
    checkedAt: at,
    source: 'api',
  };
  // A follow answer that does not say (GitHub's PUT) leaves what was known: following someone does not change whether they follow you.
  const followsYou = relationship.followsYou ?? (await getFollow(db, site, handle))?.followsYou;
  if (followsYou !== undefined) follow.followsYou = followsYou;
  await putFollow(db, follow);
}

/** One follow through the API (the popup's Follow on a connected network), recorded and logged. */
export async function followThroughApi(
  db: TeamDb,
  api: FollowApi,
  handle: string,
  now: () => number,
): Promise<void> {
  try {
    await record(db, api.site, handle, await api.follow(handle), now());
    await logAction(db, { at: now(), site: api.site, handle, kind: 'follow', via: 'api', result: 'ok' });
  } catch (error) {
    const detail = errorText(error);
    await logAction(db, {
      at: now(),
      site: api.site,
      handle,
      kind: 'follow',
      via: 'api',
      result: 'failed',
      detail,
    });
    throw error;
  }
}

/** One check through the API; nothing is recorded when the API does not know the account. */
export async function checkThroughApi(
  db: TeamDb,
  api: FollowApi,
  handle: string,
  now: () => number,
): Promise<boolean> {
  const relationship = (await api.check([handle])).get(handle);
  if (relationship) await record(db, api.site, handle, relationship, now());
  return relationship !== undefined;
}
