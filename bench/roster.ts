import { chooseRosterFile, type ExtensionBrowser, openOptions, resetData } from '../e2e/harness';

/** A roster CSV of `members` teammates, each with an X, a GitHub and a Bluesky account. */
export function rosterCsv(members: number): string {
  const rows = ['name,x,github,bluesky'];
  for (let i = 1; i <= members; i++) rows.push(`User ${i},user${i},user-${i},user${i}.bsky.social`);
  return rows.join('\n');
}

/**
 * Imports `members` teammates through the options page (the members' layout is utils/db.ts's own), each with 3
 * accounts, records the X one not-following straight into IndexedDB's follows store, and
 * a reason for each unknown account plus today's unreadable pages into extension storage;
 * then tells the background, as the options page does after an import, so that it redoes the popup's gap snapshot.
 */
export async function seed(ext: ExtensionBrowser, members: number): Promise<void> {
  await resetData(ext);
  // The options page creates the database at the schema's current version; the bench never creates stores.
  const options = await openOptions(ext);
  const summary = await chooseRosterFile(options, 'team.csv', rosterCsv(members));
  const imported = Number(await summary.getAttribute('data-imported'));
  if (imported !== members) throw new Error(`seeding ${members} teammates imported ${imported}`);
  await ext.worker.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('teamfollow');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(new Error('the teamfollow database does not exist'));
    });
    const tx = db.transaction('follows', 'readwrite');
    const now = Date.now();
    for (let i = 1; i <= n; i++) {
      tx.objectStore('follows').put({
        key: `x:user${i}`,
        state: 'not-following',
        checkedAt: now,
        source: 'page',
      });
    }
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, members);
  // Why each unknown account could not be read, and today's unreadable pages: the popup's reasons and notices.
  await ext.worker.evaluate(async (n) => {
    const now = Date.now();
    const unknownReasons: Record<string, { reason: string; at: number }> = {};
    // As many as the background keeps (MAX_REASONS in utils/background/unreadable.ts).
    for (let i = 1; i <= Math.min(n, 250); i++) {
      unknownReasons[`github:user-${i}`] = { reason: 'signed-out', at: now };
      unknownReasons[`bluesky:user${i}.bsky.social`] = { reason: 'layout', at: now };
    }
    const date = new Date(now);
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(items: object): Promise<void> } } };
    };
    await chrome.storage.local.set({ unknownReasons, unreadable: { day, counts: { x: 3, github: 1 } } });
  }, members);
  // The background answers once the badge and the snapshot are redone.
  const answer = await options.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean } | undefined> } };
    };
    return chrome.runtime.sendMessage({ type: 'data-changed' });
  });
  if (!answer?.ok) throw new Error(`data-changed: ${JSON.stringify(answer)}`);
  await options.close();
}
