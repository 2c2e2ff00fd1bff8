import { storage } from 'wxt/utils/storage';
import type { ApiSite } from './api/types';
import type { TabJob } from './tab-jobs';

// Progress of the work the background does for the popup, kept where the popup can watch it.

/** One-click follows and checks through a background tab (session storage: gone when the browser closes). */
export const tabJobsItem = storage.defineItem<TabJob[]>('session:tabJobs', { fallback: [] });

/** A "Follow all" or "Check all" run through a network's API. The queue itself lives in IndexedDB. */
export interface BulkRun {
  kind: 'follow-all' | 'check-all';
  status: 'running' | 'waiting' | 'stopped' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  startedAt: number;
  /** While `waiting` on a rate limit: when it goes on (epoch ms). */
  waitUntil?: number;
  message?: string;
}

export const bulkRunsItem = storage.defineItem<Partial<Record<ApiSite, BulkRun>>>('local:bulkRuns', {
  fallback: {},
});
