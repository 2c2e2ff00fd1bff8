import { type ExtensionBrowser, openOptions, resetData } from '../e2e/harness';
import { figure, inOrder, repeat } from './figures';
import { rosterCsv } from './roster';

// import.*: the options page's import of 1,000 and 10,000 teammates, and IndexedDB's own floor under it.

/** Milliseconds from the file input's change event to the summary with data-imported, timed in the page. */
async function timeImport(ext: ExtensionBrowser, csv: string, members: number): Promise<number> {
  await resetData(ext);
  const page = await openOptions(ext);
  await page.evaluate(() => {
    const w = window as unknown as { importStart?: number; importEnd?: number };
    document.addEventListener('change', () => (w.importStart ??= performance.now()), true);
    new MutationObserver(() => {
      if (
        w.importStart !== undefined &&
        document.querySelector('[data-testid="import-summary"][data-imported]')
      )
        w.importEnd ??= performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page
    .locator('[data-testid="roster-file"]')
    .setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const ms = await page
    .waitForFunction(
      () => {
        const w = window as unknown as { importStart?: number; importEnd?: number };
        return w.importEnd !== undefined && w.importStart !== undefined && w.importEnd - w.importStart;
      },
      null,
      { timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
  const imported = await page.locator('[data-testid="import-summary"]').getAttribute('data-imported');
  if (Number(imported) !== members) throw new Error(`import of ${members} gave data-imported=${imported}`);
  await page.close();
  return ms;
}

/**
 * What one record per teammate costs: milliseconds for IndexedDB alone to store the same 10,000 member records
 * (one readwrite transaction of plain puts into a store with the old multiEntry index, no parsing, no idb wrapper),
 * from the options page, in a scratch database of its own (the extension keeps teammates in buckets since v5).
 */
async function timeRawPuts(ext: ExtensionBrowser, members: number): Promise<number> {
  await resetData(ext);
  const page = await openOptions(ext);
  const ms = await page.evaluate(async (n) => {
    const name = 'bench-idb-floor';
    await new Promise((done) => {
      indexedDB.deleteDatabase(name).onsuccess = done;
    });
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () =>
        request.result
          .createObjectStore('members', { keyPath: 'id' })
          .createIndex('accountKeys', 'accountKeys', { multiEntry: true });
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const records = Array.from({ length: n }, (_, k) => {
      const accounts = [
        { site: 'x', handle: `user${k + 1}` },
        { site: 'github', handle: `user-${k + 1}` },
        { site: 'bluesky', handle: `user${k + 1}.bsky.social` },
      ];
      const accountKeys = accounts.map((a) => `${a.site}:${a.handle}`);
      return { id: crypto.randomUUID(), name: `User ${k + 1}`, accounts, accountKeys };
    });
    const start = performance.now();
    const tx = db.transaction('members', 'readwrite');
    for (const record of records) tx.objectStore('members').put(record);
    await new Promise((done, fail) => {
      tx.oncomplete = done;
      tx.onerror = () => fail(tx.error);
    });
    const ms = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase(name);
    return ms;
  }, members);
  await page.close();
  return ms;
}

/** Measures the import.* figures. */
export async function benchImport(ext: ExtensionBrowser): Promise<void> {
  const csv = new Map([1_000, 10_000].map((n) => [n, rosterCsv(n)]));
  const sides = ['1k', '10k', 'floor'] as const;
  const measure = {
    '1k': () => timeImport(ext, csv.get(1_000) ?? '', 1_000),
    '10k': () => timeImport(ext, csv.get(10_000) ?? '', 10_000),
    floor: () => timeRawPuts(ext, 10_000),
  };
  const times = new Map<string, number[]>(sides.map((side) => [side, []]));
  const ratios: number[] = [];
  const overFloor: number[] = [];
  await timeImport(ext, rosterCsv(100), 100); // warm-up: the first import compiles the code
  await repeat('import', async (_run, flip) => {
    for (const side of inOrder(sides, flip)) times.get(side)?.push(await measure[side]());
    ratios.push((times.get('10k')?.at(-1) ?? 0) / (times.get('1k')?.at(-1) ?? 1));
    overFloor.push((times.get('10k')?.at(-1) ?? 0) / (times.get('floor')?.at(-1) ?? 1));
  });
  figure('import.1k', times.get('1k'), 'ms');
  figure('import.10k', times.get('10k'), 'ms');
  figure('import.ratio.10k/1k', ratios, 'x', 2);
  figure('import.10k.idb-floor', times.get('floor'), 'ms');
  figure('import.ratio.10k/idb-floor', overFloor, 'x', 2);
}
