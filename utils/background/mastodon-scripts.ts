import { addedInstances } from '../instances';

// The content script on the Mastodon instances the user added: registered for every granted instance and
// unregistered from revoked ones, reconciled at start-up and on every permission change.

const SCRIPT_PREFIX = 'mastodon:';

export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  registerContentScripts(
    scripts: { id: string; js: string[]; matches: string[]; runAt: 'document_end' }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/**
 * Registers the profile content script on every granted instance and unregisters it from revoked ones and from
 * `notInstances`, hosts granted for another reason (a subscribed roster's host).
 */
export async function reconcileMastodonScripts(
  granted: readonly string[],
  scripting: ScriptingApi,
  notInstances: readonly string[] = [],
): Promise<void> {
  const wanted = new Map(
    addedInstances(granted, notInstances).map((host) => [`${SCRIPT_PREFIX}${host}`, host]),
  );
  const registered = (await scripting.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith(SCRIPT_PREFIX));
  const stale = registered.filter((id) => !wanted.has(id));
  if (stale.length > 0) await scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter(([id]) => !registered.includes(id));
  if (missing.length === 0) return;
  await scripting.registerContentScripts(
    missing.map(([id, host]) => ({
      id,
      js: ['content-scripts/mastodon.js'],
      matches: [`https://${host}/*`],
      runAt: 'document_end',
    })),
  );
}
