import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_IDS, sites } from '../utils/sites/index';

// Every place a site must appear, checked by name: adding a site is the adapter, its URL cases, its saved pages,
// one line in the registry, a boot script, a content script and its icon. A missing one fails here with the file to write.

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const has = (path: string) => existsSync(resolve(ROOT, path));

describe.each(SITE_IDS)('%s', (site) => {
  it('has its adapter in utils/sites/, listed in the registry', () => {
    expect(has(`utils/sites/${site}.ts`), `write utils/sites/${site}.ts`).toBe(true);
    expect(
      sites.map((adapter) => adapter.id),
      `add ${site} to \`sites\` in utils/sites/index.ts`,
    ).toContain(site);
  });

  it('has its URL cases beside the adapter', () => {
    expect(has(`utils/sites/${site}.cases.ts`), `write utils/sites/${site}.cases.ts (export cases)`).toBe(
      true,
    );
    expect(read(`utils/sites/${site}.cases.ts`)).toContain(`site: '${site}'`);
  });

  it('has saved pages with an index', () => {
    expect(has(`fixtures/${site}/index.json`), `save pages in fixtures/${site}/ with an index.json`).toBe(
      true,
    );
    const index = JSON.parse(read(`fixtures/${site}/index.json`)) as { profiles: { file: string }[] };
    expect(index.profiles.length).toBeGreaterThan(0);
    for (const { file } of index.profiles) expect(has(`fixtures/${site}/${file}`), file).toBe(true);
  });

  it('has a content script that runs its own adapter and page reader', () => {
    const path = `entrypoints/${site}.content.ts`;
    expect(has(path), `write ${path}`).toBe(true);
    const source = read(path);
    expect(source).toContain(`from '../utils/sites/${site}'`);
    expect(source).toContain(`siteContentScript(${site}, ${site}Page, createFlagHost)`);
  });

  it("has a boot script that loads the page reader from its own adapter's addresses", () => {
    const path = `entrypoints/${site}-boot.ts`;
    expect(has(path), `write ${path}`).toBe(true);
    const source = read(path);
    expect(source).toContain(`from '../utils/sites/${site}'`);
    expect(source).toContain(`bootSite(${site}, windowBootPage())`);
  });

  it('has its icon: a monogram and its colours', () => {
    expect(read('components/SiteIcon.tsx'), `add ${site} to MONOGRAMS in components/SiteIcon.tsx`).toMatch(
      new RegExp(`\\n  ${site}: '`),
    );
    expect(read('components/SiteIcon.css'), `give ${site} its colours in components/SiteIcon.css`).toContain(
      `[data-site="${site}"]`,
    );
  });
});
