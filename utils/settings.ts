import { storage } from 'wxt/utils/storage';
import type { SiteId } from './sites/index';

// Small preferences in extension storage (never in the page's origin).

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

/** Seconds between two follows of a "Follow all" run, per network (never below the safe minimum). */
export const pacingItem = storage.defineItem<Partial<Record<'bluesky' | 'github' | 'mastodon', number>>>(
  'local:pacing',
  { fallback: {} },
);

/** How the popup groups its gaps: remembered between openings. */
export const popupGroupingItem = storage.defineItem<'teammate' | 'network'>('local:popupGrouping', {
  fallback: 'teammate',
});

export async function getOwnHandles(site: SiteId): Promise<string[]> {
  return (await ownHandlesItem.getValue())[site] ?? [];
}

export async function addOwnHandle(site: SiteId, handle: string): Promise<void> {
  const all = await ownHandlesItem.getValue();
  const current = all[site] ?? [];
  if (!current.includes(handle)) await ownHandlesItem.setValue({ ...all, [site]: [...current, handle] });
}
