import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  fixture,
  launchExtension,
  openOptions,
  resetData,
  servePages,
} from './harness';

// A v4 database as an installed TeamFollow left it (one record per teammate, the multiEntry accountKeys index), opened
// by this build in Chromium's own IndexedDB: the v5 step must move every teammate into the buckets.

const TEAMMATES = 300;

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
  await resetData(ext);
  await ext.worker.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('teamfollow', 4);
      // The stores and indexes that MIGRATIONS v1–v4 leave.
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('members', { keyPath: 'id' }).createIndex('accountKeys', 'accountKeys', {
          multiEntry: true,
        });
        db.createObjectStore('follows', { keyPath: 'key' });
        db.createObjectStore('actions', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
        db.createObjectStore('queue', { keyPath: 'key' }).createIndex('site', 'site');
        db.createObjectStore('snapshot');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['members', 'follows'], 'readwrite');
    for (let i = 1; i <= n; i++) {
      const accounts = [
        { site: 'x', handle: `user${i}` },
        { site: 'github', handle: `user-${i}` },
      ];
      const accountKeys = accounts.map((a) => `${a.site}:${a.handle}`);
      tx.objectStore('members').put({ id: `old-${i}`, name: `User ${i}`, accounts, accountKeys });
      // Every other teammate's X account was seen not followed.
      const state = i % 2 ? 'not-following' : 'following';
      tx.objectStore('follows').put({ key: `x:user${i}`, state, checkedAt: 1, source: 'page' });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, TEAMMATES);
});
afterAll(async () => {
  await ext?.close();
});

it('moves a populated v4 database to v5 in Chromium, every teammate still found by account', async () => {
  // The options page opens the database at the current version: the upgrade runs here.
  const options = await openOptions(ext);
  const layout = await ext.worker.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const request = indexedDB.open('teamfollow');
        request.onsuccess = () => {
          const db = request.result;
          resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
          db.close();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(layout).toEqual({
    version: 5,
    stores: ['accountBuckets', 'actions', 'follows', 'memberBuckets', 'queue', 'snapshot'],
  });
  await options.close();

  // The popup's gap report reads every teammate and follow record through utils/db.ts.
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  await expect
    .poll(() => popup.locator('[data-testid="gap-count"]').textContent(), { timeout: 10_000 })
    .toBe(String(TEAMMATES / 2));
  await popup.close();

  // A teammate's profile: the content script's lookup finds them by account.
  const handle = `user${TEAMMATES - 1}`;
  await servePages(ext, {
    [`https://x.com/${handle}`]: async () =>
      (await fixture('x/not-following.html')).replace(/alice_dev/gi, handle),
  });
  const page = await ext.context.newPage();
  await page.goto(`https://x.com/${handle}`);
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.querySelector('[data-testid="teamfollow-flag"]')?.getAttribute('data-state') ?? null,
        ),
      { timeout: 10_000 },
    )
    .toBe('not-following');
  await page.close();
});
