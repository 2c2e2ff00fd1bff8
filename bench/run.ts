import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importRoster, resetData } from '../e2e/harness';
import { benchColdStart } from './cold-start';
import { figure, part } from './figures';
import { benchImport } from './import';
import { benchFlag, benchPopup } from './latency';
import { copyBuild, EXTENSION_DIR, launchWithExtension, launchWithout } from './launch';
import { benchLookup } from './lookup';
import { benchCost, benchFeeds, printTop } from './page-cost';
import { serve } from './pages';
import { report } from './report';
import { rosterCsv, seed } from './roster';
import { benchSize } from './size';
import { workerHeap } from './worker-heap';

// `npm run bench`: the built extension in headless Chromium against served pages (no internet). Every figure is
// the median of RUNS runs; every comparison is a ratio taken within one run, the two sides in alternating order
// (or, for the cost to a page, side by side at the same time). See bench/README.md for what each figure means.

const started = Date.now();
await copyBuild();
const manifest = JSON.parse(await readFile(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
// The name content scripts' worlds carry: the manifest's, or its `__MSG_key__` in the default locale (the bench's browser is in English).
const messageKey = /^__MSG_(\w+)__$/.exec(manifest.name)?.[1];
const extensionName: string = messageKey
  ? JSON.parse(
      await readFile(resolve(EXTENSION_DIR, `_locales/${manifest.default_locale}/messages.json`), 'utf8'),
    )[messageKey].message
  : manifest.name;
if (part('size')) await benchSize();
const big = await launchWithExtension();
const small = await launchWithExtension();
const plain = await launchWithout();
const control = await launchWithout();
let version = '';
try {
  version = big.context.browser()?.version() ?? '';
  await Promise.all([serve(big.context), serve(small.context), serve(plain), serve(control)]);
  if (part('import')) await benchImport(big);
  // Lookups compare two browsers side by side: one with 10 teammates, one with 10,000.
  if (part('lookup')) {
    await resetData(big);
    await resetData(small);
    const imported = [
      await importRoster(big, 'team.csv', rosterCsv(10_000)),
      await importRoster(small, 'team.csv', rosterCsv(10)),
    ];
    if (imported[0]?.imported !== 10_000 || imported[1]?.imported !== 10)
      throw new Error('roster import failed');
    await benchLookup(big, small, extensionName);
    figure('memory.worker.10', (await workerHeap(small.context)) / 1024 / 1024, 'MB', 2);
    figure('memory.worker.10k', (await workerHeap(big.context)) / 1024 / 1024, 'MB', 2);
  }
  await small.close();
  if (part('flag')) await benchFlag(big);
  if (part('popup')) await benchPopup(big);
  if (part('team')) await (await import('./team')).benchTeam(big);
  if (part('coldstart') || part('cost') || part('feeds')) await seed(big, 10_000);
  if (part('coldstart')) await benchColdStart(big);
  if (part('cost')) await benchCost(big, plain, control);
  if (part('feeds')) await benchFeeds(big);
  printTop();
} finally {
  await Promise.allSettled([big.close(), small.close(), plain.close(), control.close()]);
}

await report(version, started);
