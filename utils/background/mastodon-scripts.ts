import { parseProfileUrl, siteHostPatterns } from '../sites/index';

// Mastodon runs on any host. Instances beyond the built-in list are added by the user: the options page asks for
// the host permission from the click, and the background registers the content script there. The granted
// permissions are the one source of truth: registrations are reconciled with them at start-up and on change.

const FIXED_PATTERNS = new Set(siteHostPatterns());
const SCRIPT_PREFIX = 'mastodon:';

/** The origin pattern to request for an instance, or null when the text is no usable instance host. */
export function instancePattern(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/\/.*$/, '');
  // An instance host is valid when a profile URL on it reads as a Mastodon account.
  const probe = parseProfileUrl(`https://${host}/@probe`, { mastodonHosts: [host] });
  if (probe?.site !== 'mastodon' || probe.handle !== `probe@${host}`) return null;
  const pattern = `https://${host}/*`;
  return FIXED_PATTERNS.has(pattern) ? null : pattern;
}

/** The user-added instances among granted origins. */
export function addedInstances(origins: readonly string[]): string[] {
  return origins
    .filter((origin) => !FIXED_PATTERNS.has(origin) && instancePattern(hostOf(origin)) === origin)
    .map(hostOf)
    .sort();
}

function hostOf(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<{ id: string }[]>;
  registerContentScripts(
    scripts: { id: string; js: string[]; matches: string[]; runAt: 'document_end' }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

/** Registers the profile content script on every granted instance and unregisters it from revoked ones. */
export async function reconcileMastodonScripts(
  granted: readonly string[],
  scripting: ScriptingApi,
): Promise<void> {
  const wanted = new Map(addedInstances(granted).map((host) => [`${SCRIPT_PREFIX}${host}`, host]));
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
