import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { SITE_IDS } from '../utils/sites/index';

// Each site has its own small content script carrying only its own adapter; a new site needs one.
it.each(SITE_IDS)('%s has a content script that runs its own adapter', (site) => {
  const source = readFileSync(resolve(import.meta.dirname, `../entrypoints/${site}.content.ts`), 'utf8');
  expect(source).toContain(`from '../utils/sites/${site}'`);
  expect(source).toContain(`siteContentScript(${site}, createFlagHost)`);
});
