import { beforeEach, describe, expect, it } from 'vitest';
import { type TabJob, TabJobs } from './tab-jobs';

let opened: string[];
let closed: number[];
let saved: TabJob[];
let clock: number;
let timers: { at: number; fn: () => void; cancelled: boolean }[];
let jobs: TabJobs;

function deps() {
  let nextTab = 100;
  return {
    openTab: async (url: string) => {
      opened.push(url);
      return nextTab++;
    },
    closeTab: async (tabId: number) => void closed.push(tabId),
    save: async (list: TabJob[]) => {
      saved = structuredClone(list);
    },
    now: () => clock,
    schedule: (fn: () => void, ms: number) => {
      const timer = { at: clock + ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    timeoutMs: 1000,
  };
}

async function advance(ms: number) {
  clock += ms;
  for (const timer of timers.filter((t) => !t.cancelled && t.at <= clock)) {
    timer.cancelled = true;
    timer.fn();
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  opened = [];
  closed = [];
  saved = [];
  clock = 0;
  timers = [];
  jobs = new TabJobs(deps());
});

const status = () => saved.map((j) => `${j.key} ${j.status}${j.message ? ` (${j.message})` : ''}`);

describe('TabJobs', () => {
  it('opens the profile in a tab marked with the intent, and closes it once the page confirms', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    expect(opened).toEqual(['https://x.com/ada']);
    expect(jobs.intentFor(100)).toBe('follow');
    expect(jobs.intentFor(999)).toBeNull();
    expect(await jobs.report(100, 'following')).toBe(true);
    expect(closed).toEqual([100]);
    expect(status()).toEqual(['x:ada done']);
    expect(jobs.intentFor(100)).toBeNull();
  });

  it('runs one job at a time per site; a second click queues, other sites run alongside', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    await jobs.enqueue('x', 'bob', 'follow');
    await jobs.enqueue('github', 'cy', 'check');
    expect(opened).toEqual(['https://x.com/ada', 'https://github.com/cy']);
    await jobs.report(100, 'following');
    expect(opened.at(-1)).toBe('https://x.com/bob');
  });

  it('does not queue the same account twice', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    await jobs.enqueue('x', 'ada', 'follow');
    expect(saved).toHaveLength(1);
  });

  it('ends in a clear message when the page never confirms, closing the tab', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    await jobs.report(100, 'not-following');
    expect(status()).toEqual(['x:ada failed (The page did not confirm the follow.)']);
    expect(closed).toEqual([100]);
  });

  it('says so when the site is signed out', async () => {
    await jobs.enqueue('x', 'ada', 'check');
    await jobs.report(100, 'unknown');
    expect(status()).toEqual(['x:ada failed (Could not read the page: are you signed in there?)']);
  });

  it('times out, closes the tab and goes on with the next job', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    await jobs.enqueue('x', 'bob', 'follow');
    await advance(1000);
    expect(status()[0]).toMatch(/x:ada failed \(Timed out/);
    expect(closed).toEqual([100]);
    expect(opened.at(-1)).toBe('https://x.com/bob');
  });

  it('ignores reports from tabs it did not open', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    expect(await jobs.report(7, 'following')).toBe(false);
    expect(status()).toEqual(['x:ada running']);
  });

  it('refuses handles that are not canonical before opening anything', async () => {
    await expect(jobs.enqueue('x', 'javascript:alert(1)', 'follow')).rejects.toThrow();
    expect(opened).toEqual([]);
  });

  it('resumes after a worker restart: overdue jobs fail, queued ones start', async () => {
    const restored: TabJob[] = [
      {
        key: 'x:ada',
        site: 'x',
        handle: 'ada',
        kind: 'follow',
        status: 'running',
        tabId: 5,
        startedAt: -5000,
      },
      { key: 'x:bob', site: 'x', handle: 'bob', kind: 'follow', status: 'queued' },
    ];
    jobs = new TabJobs(deps(), restored);
    await jobs.resume();
    expect(closed).toEqual([5]);
    expect(opened).toEqual(['https://x.com/bob']);
    expect(status()).toEqual(['x:ada failed (Timed out.)', 'x:bob running']);
  });

  it('fails the job when the user closes its tab', async () => {
    await jobs.enqueue('x', 'ada', 'follow');
    await jobs.tabClosed(100);
    expect(status()).toEqual(['x:ada failed (The tab was closed.)']);
    expect(closed).toEqual([]);
  });
});
