import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeHandle, parseProfileUrl, profileUrl, SITE_IDS, sites } from '../../utils/sites/index';
import type { UrlCases } from '../helpers/url-cases';

// Every adapter's URL cases sit beside it as utils/sites/<site>.cases.ts; this suite finds them by itself.
const SITES_DIR = resolve(import.meta.dirname, '../../utils/sites');
const caseFiles = readdirSync(SITES_DIR).filter((file) => file.endsWith('.cases.ts'));
const allCases: UrlCases[] = await Promise.all(
  caseFiles.map(async (file) => ((await import(resolve(SITES_DIR, file))) as { cases: UrlCases }).cases),
);

it('has URL cases for every site in the registry', () => {
  expect(allCases.map((c) => c.site).sort()).toEqual([...SITE_IDS].sort());
  expect(sites.map((s) => s.id)).toEqual([...SITE_IDS]);
});

describe.each(allCases)('$site URLs', ({ site, accept, reject, normalize }) => {
  it.each(accept)('accepts %s as %s', (url, handle) => {
    expect(parseProfileUrl(url)).toEqual({ site, handle });
  });

  it.each(reject)('rejects %s', (url) => {
    expect(parseProfileUrl(url)?.site).not.toBe(site);
  });

  it.each(normalize)('normalizes %s to %s', (input, expected) => {
    expect(normalizeHandle(site, input)).toBe(expected);
  });

  it.each(accept)('round-trips %s through profileUrl', (_url, handle) => {
    expect(parseProfileUrl(profileUrl(site, handle))).toEqual({ site, handle });
    expect(normalizeHandle(site, handle)).toBe(handle);
  });
});

describe('a URL belongs to one site at most', () => {
  const everyUrl = allCases.flatMap((c) => [...c.accept.map(([url]) => url), ...c.reject]);
  it.each(everyUrl)('%s', (url) => {
    const parsed = new URL(url);
    const claimants = sites.filter((site) => site.handleFromUrl(parsed) !== null).map((site) => site.id);
    const owner = allCases.find((c) => c.accept.some(([u]) => u === url))?.site;
    expect(claimants).toEqual(owner ? [owner] : []);
  });
});
