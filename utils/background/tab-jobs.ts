import { accountKey } from '../model';
import { type FollowState, profileUrl, type SiteId } from '../sites/index';

// One-click follow (and check) from the popup on sites without an API: the background opens the profile in an
// inactive tab marked with the intent; the content script there reads the page, presses Follow when asked,
// and reports; the tab closes. One job at a time per site (a second click queues), each bounded in time.

export type JobKind = 'follow' | 'check';

export interface TabJob {
  key: string;
  site: SiteId;
  handle: string;
  kind: JobKind;
  status: 'queued' | 'running' | 'done' | 'failed';
  tabId?: number;
  startedAt?: number;
  /** What the page showed at the end, when it showed something. */
  state?: FollowState;
  message?: string;
}

export interface TabJobDeps {
  openTab(url: string): Promise<number>;
  closeTab(tabId: number): Promise<void>;
  /** Persists the job list (session storage), so the popup can show it and a restarted worker can resume. */
  save(jobs: TabJob[]): Promise<void>;
  now(): number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 45_000;

const OUTCOME_MESSAGES: Partial<Record<FollowState, string>> = {
  unknown: 'Could not read the page: are you signed in there?',
  self: 'That is your own profile.',
};

export class TabJobs {
  private jobs: TabJob[];
  private timers = new Map<string, () => void>();

  constructor(
    private readonly deps: TabJobDeps,
    restored: TabJob[] = [],
  ) {
    this.jobs = restored;
  }

  /** After a worker restart: jobs that were running have lost their timers; end them and go on. */
  async resume(): Promise<void> {
    for (const job of this.jobs.filter((j) => j.status === 'running')) {
      const left = (job.startedAt ?? 0) + this.timeout - this.deps.now();
      if (left <= 0) await this.finish(job, { status: 'failed', message: 'Timed out.' });
      else
        this.timers.set(
          job.key,
          this.deps.schedule(() => void this.timedOut(job.key), left),
        );
    }
    for (const site of new Set(this.jobs.map((j) => j.site))) await this.pump(site);
  }

  list(): readonly TabJob[] {
    return this.jobs;
  }

  /** Queues a follow or check; a job already queued or running for the account is not added twice. */
  async enqueue(site: SiteId, handle: string, kind: JobKind): Promise<void> {
    profileUrl(site, handle); // throws for a handle that is not canonical: nothing is queued or opened
    const key = accountKey(site, handle);
    const existing = this.jobs.find((j) => j.key === key);
    if (existing && (existing.status === 'queued' || existing.status === 'running')) return;
    this.jobs = [...this.jobs.filter((j) => j.key !== key), { key, site, handle, kind, status: 'queued' }];
    await this.deps.save(this.jobs);
    await this.pump(site);
  }

  /** The intent of a tab this object opened, if it is still running. */
  intentFor(tabId: number | undefined): JobKind | null {
    return this.jobs.find((j) => j.status === 'running' && j.tabId === tabId)?.kind ?? null;
  }

  /** The content script in a job's tab reports what the page showed at the end. */
  async report(tabId: number | undefined, state: FollowState, message?: string): Promise<boolean> {
    const job = this.jobs.find((j) => j.status === 'running' && j.tabId === tabId);
    if (!job) return false;
    const done =
      job.kind === 'follow'
        ? state === 'following' || state === 'requested'
        : state !== 'unknown' && state !== 'self';
    const fallback =
      job.kind === 'follow' && state === 'not-following' ? 'The page did not confirm the follow.' : '';
    await this.finish(job, {
      status: done ? 'done' : 'failed',
      state,
      ...(done ? {} : { message: message || OUTCOME_MESSAGES[state] || fallback || 'Something went wrong.' }),
    });
    return true;
  }

  /** The user closed a job's tab, or it crashed. */
  async tabClosed(tabId: number): Promise<void> {
    const job = this.jobs.find((j) => j.status === 'running' && j.tabId === tabId);
    if (job) await this.finish(job, { status: 'failed', message: 'The tab was closed.' }, false);
  }

  private get timeout(): number {
    return this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private async pump(site: SiteId): Promise<void> {
    if (this.jobs.some((j) => j.site === site && j.status === 'running')) return;
    const next = this.jobs.find((j) => j.site === site && j.status === 'queued');
    if (!next) return;
    Object.assign(next, { status: 'running', startedAt: this.deps.now() });
    await this.deps.save(this.jobs);
    try {
      next.tabId = await this.deps.openTab(profileUrl(site, next.handle));
    } catch (error) {
      await this.finish(
        next,
        { status: 'failed', message: `Could not open the page: ${String(error)}` },
        false,
      );
      return;
    }
    await this.deps.save(this.jobs);
    this.timers.set(
      next.key,
      this.deps.schedule(() => void this.timedOut(next.key), this.timeout),
    );
  }

  private async timedOut(key: string): Promise<void> {
    const job = this.jobs.find((j) => j.key === key && j.status === 'running');
    if (job)
      await this.finish(job, {
        status: 'failed',
        message: 'Timed out: the page did not show the follow button.',
      });
  }

  private async finish(job: TabJob, outcome: Partial<TabJob>, closeTab = true): Promise<void> {
    this.timers.get(job.key)?.();
    this.timers.delete(job.key);
    Object.assign(job, outcome);
    await this.deps.save(this.jobs);
    if (closeTab && job.tabId !== undefined) await this.deps.closeTab(job.tabId).catch(() => undefined);
    await this.pump(job.site);
  }
}
