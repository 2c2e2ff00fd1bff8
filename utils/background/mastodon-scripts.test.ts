import { describe, expect, it } from 'vitest';
import { reconcileMastodonScripts, type ScriptingApi } from './mastodon-scripts';

function fakeScripting(initial: string[]): ScriptingApi & { ids: Set<string> } {
  const ids = new Set(initial);
  return {
    ids,
    getRegisteredContentScripts: async () => [...ids].map((id) => ({ id })),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (ids.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        ids.add(script.id);
      }
    },
    unregisterContentScripts: async ({ ids: gone }) => {
      for (const id of gone) ids.delete(id);
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

  it('is idempotent (a second start-up registers nothing twice)', async () => {
    const scripting = fakeScripting([]);
    await reconcileMastodonScripts(['https://new.example/*'], scripting);
    await reconcileMastodonScripts(['https://new.example/*'], scripting);
    expect([...scripting.ids]).toEqual(['mastodon:new.example']);
  });
});
