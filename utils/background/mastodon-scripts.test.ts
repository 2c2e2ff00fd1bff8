import { describe, expect, it } from 'vitest';
import { reconcileMastodonScripts, type ScriptingApi } from './mastodon-scripts';

/** Registered scripts by id, each with its files; `initial` ids run the boot script unless given other files. */
function fakeScripting(
  initial: string[],
  files: Record<string, string[]> = {},
): ScriptingApi & { ids: Set<string>; js: Map<string, string[]> } {
  const js = new Map(initial.map((id) => [id, files[id] ?? ['/mastodon-boot.js']]));
  const ids = new Set(initial);
  return {
    ids,
    js,
    getRegisteredContentScripts: async () => [...ids].map((id) => ({ id, js: js.get(id) })),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (ids.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        ids.add(script.id);
        js.set(script.id, script.js);
      }
    },
    unregisterContentScripts: async ({ ids: gone }) => {
      for (const id of gone) {
        ids.delete(id);
        js.delete(id);
      }
    },
  };
}

describe('reconcileMastodonScripts', () => {
  it('registers granted instances, unregisters revoked ones, and leaves other scripts alone', async () => {
    const scripting = fakeScripting(['mastodon:old.example', 'mastodon:kept.example', 'other-script']);
    await reconcileMastodonScripts(
      ['https://kept.example/*', 'https://new.example/*', 'https://x.com/*'],
      scripting,
    );
    expect([...scripting.ids].sort()).toEqual([
      'mastodon:kept.example',
      'mastodon:new.example',
      'other-script',
    ]);
  });

  it('never runs the Mastodon script on a roster host, and takes it off one that became a roster host', async () => {
    const scripting = fakeScripting(['mastodon:raw.example.org']);
    await reconcileMastodonScripts(['https://raw.example.org/*', 'https://social.example/*'], scripting, [
      'raw.example.org',
    ]);
    expect([...scripting.ids]).toEqual(['mastodon:social.example']);
  });

  it('registers the boot script, and replaces the whole page reader an older version registered', async () => {
    const scripting = fakeScripting(['mastodon:old.example'], {
      'mastodon:old.example': ['content-scripts/mastodon.js'],
    });
    await reconcileMastodonScripts(['https://old.example/*', 'https://new.example/*'], scripting);
    expect(Object.fromEntries(scripting.js)).toEqual({
      'mastodon:old.example': ['mastodon-boot.js'],
      'mastodon:new.example': ['mastodon-boot.js'],
    });
  });

  it('is idempotent (a second start-up registers nothing twice)', async () => {
    const scripting = fakeScripting([]);
    await reconcileMastodonScripts(['https://new.example/*'], scripting);
    await reconcileMastodonScripts(['https://new.example/*'], scripting);
    expect([...scripting.ids]).toEqual(['mastodon:new.example']);
  });
});
