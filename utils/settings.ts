import { storage } from 'wxt/utils/storage';
import type { MastodonClient } from './api/mastodon-signin';
import type { ApiSite } from './api/networks';
import type { TabIntent } from './background/tab-intents';
import type { ImportSummary } from './roster/types';
import type { SiteId, UnknownReason } from './sites/index';

// Every item TeamFollow keeps in extension storage (never in the page's origin): preferences, credentials, and the
// progress of the background's work, kept where the popup can watch it.

/** The signed-in user's own handles per site: set in the options, or learned on their own profile page. */
export const ownHandlesItem = storage.defineItem<Partial<Record<SiteId, string[]>>>('local:ownHandles', {
  fallback: {},
});

/**
 * The networks connected through their API. Reading follow state needs no secret on Bluesky and GitHub;
 * following needs the user's own credential (a Bluesky app password, a GitHub token with the follow scope,
 * a Mastodon access token). Stored in extension storage, which web pages cannot read.
 */
export interface Connections {
  bluesky?: { handle: string; appPassword?: string };
  github?: { login: string; token?: string };
  mastodon?: { instance: string; token: string };
}

export const connectionsItem = storage.defineItem<Connections>('local:connections', { fallback: {} });

/**
 * TeamFollow's OAuth application per Mastodon instance (client id and secret from `POST /api/v1/apps`), kept so that
 * signing in again does not register a new application each time (instances limit registrations per address).
 */
export const mastodonClientsItem = storage.defineItem<Record<string, MastodonClient>>(
  'local:mastodonClients',
  {
    fallback: {},
  },
);

/** Seconds between two follows of a "Follow all" run, per network (never below the safe minimum). */
export const pacingItem = storage.defineItem<Partial<Record<ApiSite, number>>>('local:pacing', {
  fallback: {},
});

/** How the popup groups its gaps: remembered between openings. */
export const popupGroupingItem = storage.defineItem<'teammate' | 'network'>('local:popupGrouping', {
  fallback: 'teammate',
});

// Progress of the background's work.
/** Tabs the popup opened (or brought to the front) to follow or check a profile (session storage). */
export const tabIntentsItem = storage.defineItem<TabIntent[]>('session:tabIntents', { fallback: [] });

/** A "Follow all" or "Check all" run through a network's API. The queue itself lives in IndexedDB. */
export interface BulkRun {
  kind: 'follow-all' | 'check-all';
  status: 'running' | 'waiting' | 'stopped' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  startedAt: number;
  /** "Follow all": gaps the user left unticked in the review list. */
  skipped?: number;
  /** "Follow all": ticked accounts that were followed already when the run started. */
  already?: number;
  /** "Follow all": who failed and why (the last ones, when there are many). */
  failures?: { handle: string; error: string }[];
  /** While `waiting` on a rate limit: when it goes on (epoch ms). */
  waitUntil?: number;
  message?: string;
}

export const bulkRunsItem = storage.defineItem<Partial<Record<ApiSite, BulkRun>>>('local:bulkRuns', {
  fallback: {},
});

/** Per site, how many teammates' profiles could not be read in a known form today (counts only). */
export const unreadableItem = storage.defineItem<{ day: string; counts: Partial<Record<SiteId, number>> }>(
  'local:unreadable',
  { fallback: { day: '', counts: {} } },
);

/** Per teammate account (`site:handle`), why its page last could not tell, and when. */
export const unknownReasonsItem = storage.defineItem<Record<string, { reason: UnknownReason; at: number }>>(
  'local:unknownReasons',
  { fallback: {} },
);

export async function getOwnHandles(site: SiteId): Promise<string[]> {
  return (await ownHandlesItem.getValue())[site] ?? [];
}

export async function addOwnHandle(site: SiteId, handle: string): Promise<void> {
  const all = await ownHandlesItem.getValue();
  const current = all[site] ?? [];
  if (!current.includes(handle)) await ownHandlesItem.setValue({ ...all, [site]: [...current, handle] });
}

/** How the last refresh of a subscribed roster ended: the import's summary, or why nothing was imported. */
export type RosterRefresh =
  | { at: number; ok: true; summary: ImportSummary; fileName: string }
  | { at: number; ok: false; message: string };

/** A roster kept at an https address, refreshed daily and on demand through the same import as a file. */
export interface RosterSubscription {
  url: string;
  /**
   * The host permission was asked for this roster (TeamFollow did not hold it before): it is given back on
   * unsubscribing, and that host is never read as a Mastodon instance.
   */
  ownPermission: boolean;
  /** Set by the organisation through managed storage: the user cannot remove it. */
  managed?: boolean;
  last?: RosterRefresh;
}

export const rosterSubscriptionItem = storage.defineItem<RosterSubscription | null>(
  'local:rosterSubscription',
  {
    fallback: null,
  },
);

/** The roster text an organisation set in managed storage: its digest when imported, and how that import ended. */
export const managedRosterImportItem = storage.defineItem<{ digest: string; result: RosterRefresh } | null>(
  'local:managedRosterImport',
  { fallback: null },
);

/**
 * A teammate's account to replace: the page showed a new handle with the stable id recorded for the old one
 * (renamed), or the old account's page said it moved to the new one (moved).
 */
export interface RenameSuggestion {
  site: SiteId;
  from: string;
  to: string;
  memberId: string;
  memberName: string;
  /** The stable id both handles share (renamed only). */
  stableId?: string;
  /** `moved` when the old account says it moved; a rename by stable id when absent. */
  kind?: 'moved';
  seenAt: number;
}

/** Renames waiting for the user's word in the popup; `dismissed` ones are not offered again. */
export const renameSuggestionsItem = storage.defineItem<{
  pending: RenameSuggestion[];
  dismissed: string[];
}>('local:renameSuggestions', { fallback: { pending: [], dismissed: [] } });

/** The key of a rename, so one dismissed is not offered again: `site:from>to`. */
export const renameKey = (s: Pick<RenameSuggestion, 'site' | 'from' | 'to'>) => `${s.site}:${s.from}>${s.to}`;

/** Records a rename for the popup, once, unless the user dismissed it before. */
export async function suggestRename(suggestion: RenameSuggestion): Promise<void> {
  const all = await renameSuggestionsItem.getValue();
  const key = renameKey(suggestion);
  if (all.dismissed.includes(key) || all.pending.some((s) => renameKey(s) === key)) return;
  await renameSuggestionsItem.setValue({ ...all, pending: [...all.pending, suggestion] });
}

/** Takes a rename off the list, remembering it as dismissed when the user said no. */
export async function settleRename(suggestion: RenameSuggestion, dismissed: boolean): Promise<void> {
  const all = await renameSuggestionsItem.getValue();
  const key = renameKey(suggestion);
  await renameSuggestionsItem.setValue({
    pending: all.pending.filter((s) => renameKey(s) !== key),
    dismissed: dismissed && !all.dismissed.includes(key) ? [...all.dismissed, key] : all.dismissed,
  });
}

/** The team as published on Bluesky: the records TeamFollow made (so that the next run updates them) and their words. */
export interface BlueskyPublished {
  listUri?: string;
  starterPackUri?: string;
  list?: { name: string; description?: string };
  /** The starter pack's name when the person asked for one. */
  starterPackName?: string;
}

export const blueskyPublishedItem = storage.defineItem<BlueskyPublished>('local:blueskyPublished', {
  fallback: {},
});
