import type { TeamDb } from '../db';
import { t } from '../i18n/index';
import type { RosterRefresh, RosterSubscription } from '../settings';
import { importRoster } from './import';
import { rosterAddress } from './subscription';
import type { SubscriptionStore } from './subscription-refresh';
import { RosterFileError } from './types';

// What an organisation pre-sets through managed storage (Chrome's storage.managed with public/managed-schema.json,
// Firefox's enterprise policy "3rdparty"): the roster's address, and optionally the roster itself as JSON text.

/** The managed settings TeamFollow reads, checked: anything else in the policy is ignored. */
export interface ManagedRoster {
  rosterUrl?: string;
  roster?: string;
}

/** Reads the policy as the browser gives it (absent, partial, or of the wrong types). */
export function readManagedRoster(raw: unknown): ManagedRoster {
  if (typeof raw !== 'object' || raw === null) return {};
  const { rosterUrl, roster } = raw as Record<string, unknown>;
  return {
    ...(typeof rosterUrl === 'string' && rosterUrl.trim() ? { rosterUrl: rosterUrl.trim() } : {}),
    ...(typeof roster === 'string' && roster.trim() ? { roster } : {}),
  };
}

/**
 * The subscription once the managed address is applied: that address, marked as the organisation's (the user cannot
 * remove it), keeping what was read of it; a managed subscription the policy no longer sets ends. A user's own
 * subscription stays when the policy sets no address.
 */
export function managedSubscription(
  current: RosterSubscription | null,
  rosterUrl: string | undefined,
): RosterSubscription | null {
  const address = rosterUrl ? rosterAddress(rosterUrl) : null;
  if (!address || 'error' in address) return current?.managed ? null : current;
  if (current?.url === address.url) return { ...current, managed: true };
  return { url: address.url, ownPermission: false, managed: true };
}

/** A short fingerprint of the managed roster text, so the same text is imported once. */
export async function rosterDigest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ManagedDeps extends SubscriptionStore {
  db: () => Promise<TeamDb>;
  now: () => number;
  /** The subscription is removed (a managed address the policy no longer sets). */
  clear(): Promise<void>;
  /** The digest of the managed roster text imported last, and how that import ended. */
  lastImport(): Promise<{ digest: string; result: RosterRefresh } | null>;
  saveImport(value: { digest: string; result: RosterRefresh }): Promise<void>;
}

/** Applies the managed policy: the address as a subscription, and the roster text imported when it changed. */
export async function applyManagedRoster(policy: ManagedRoster, deps: ManagedDeps): Promise<void> {
  const current = await deps.load();
  const next = managedSubscription(current, policy.rosterUrl);
  if (next === null && current !== null) await deps.clear();
  else if (next && JSON.stringify(next) !== JSON.stringify(current)) await deps.save(next);

  if (!policy.roster) return;
  const digest = await rosterDigest(policy.roster);
  if ((await deps.lastImport())?.digest === digest) return;
  let result: RosterRefresh;
  try {
    const summary = await importRoster(await deps.db(), policy.roster, t('roster_managedName'));
    result = { at: deps.now(), ok: true, summary, fileName: t('roster_managedName') };
  } catch (error) {
    const message = error instanceof RosterFileError ? error.message : String(error);
    result = { at: deps.now(), ok: false, message };
  }
  await deps.saveImport({ digest, result });
}
