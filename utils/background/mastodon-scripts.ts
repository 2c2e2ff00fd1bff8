import { addedInstances } from '../instances';

// The content script on the Mastodon instances the user added: registered for every granted instance and
// unregistered from revoked ones, reconciled at start-up and on every permission change.

const SCRIPT_PREFIX = 'mastodon:';
// The boot script, as on the fixed instances: it has the background inject the page reader on a profile.
const BOOT_SCRIPT = 'mastodon-boot.js';

export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<{ id: string; js?: string[] }[]>;
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
  const ours = (await scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
  // A script registered by an older version (the whole reader at load) is replaced by the boot script.
  // (Browsers may give the file back with a leading slash or as a full address.)
  const current = (s: { js?: string[] }) => s.js?.length === 1 && s.js[0]?.endsWith(BOOT_SCRIPT) === true;
  const stale = ours.filter((s) => !wanted.has(s.id) || !current(s)).map((s) => s.id);
  const registered = ours.map((s) => s.id).filter((id) => !stale.includes(id));
  if (stale.length > 0) await scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter(([id]) => !registered.includes(id));
  if (missing.length === 0) return;
  await scripting.registerContentScripts(
    missing.map(([id, host]) => ({
      id,
      js: [BOOT_SCRIPT],
      matches: [`https://${host}/*`],
      runAt: 'document_end',
    })),
  );
}
