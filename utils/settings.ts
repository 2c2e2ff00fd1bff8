import { storage } from 'wxt/utils/storage';
import type { SiteId } from './sites/index';

// Small preferences in extension storage (never in the page's origin).

/** The signed-in user's own handles per site: set in the options, or learned on their own profile page. */
export const ownHandlesItem = storage.defineItem<Partial<Record<SiteId, string[]>>>('local:ownHandles', {
  fallback: {},
});

/** Mastodon instances the user added beyond the built-in ones (lowercase hostnames). */
export const mastodonInstancesItem = storage.defineItem<string[]>('local:mastodonInstances', {
  fallback: [],
});

export async function getOwnHandles(site: SiteId): Promise<string[]> {
  return (await ownHandlesItem.getValue())[site] ?? [];
}

export async function addOwnHandle(site: SiteId, handle: string): Promise<void> {
  const all = await ownHandlesItem.getValue();
  const current = all[site] ?? [];
  if (!current.includes(handle)) await ownHandlesItem.setValue({ ...all, [site]: [...current, handle] });
}
