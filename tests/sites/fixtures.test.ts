import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FixtureIndex } from '../../fixtures/types';
import { parseProfileUrl, readFollowState, readProfile, SITE_IDS, siteById } from '../../utils/sites/index';

// Every saved page under fixtures/<site>/ is described in its index.json: the URL it was served at and what the
// adapter must read from it. jsdom, since site selectors use :has() and friends that happy-dom does not parse.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

function load(site: string, file: string, url: string): Document {
  return new JSDOM(readFileSync(resolve(FIXTURES, site, file), 'utf8'), { url }).window.document;
}

const sitesWithFixtures = SITE_IDS.filter((site) => readdirSync(FIXTURES).includes(site));

it('has saved pages for every site', () => {
  expect(sitesWithFixtures).toEqual([...SITE_IDS]);
});

describe.each(sitesWithFixtures)('%s fixtures', (site) => {
  const index: FixtureIndex = JSON.parse(readFileSync(resolve(FIXTURES, site, 'index.json'), 'utf8'));

  it.each(index.profiles)('$file shows $state', ({ file, url, state, followsYou }) => {
    const parsed = parseProfileUrl(url);
    expect(parsed?.site).toBe(site);
    const handle = parsed?.handle as string;
    const doc = load(site, file, url);
    const reading = readProfile(site, doc, handle);
    expect(reading.state).toBe(state);
    if (followsYou !== undefined) expect(reading.followsYou ?? false).toBe(followsYou);
    // The control to press exists exactly while there is someone to follow.
    expect(Boolean(reading.followControl)).toBe(state === 'not-following');
  });

  it.each(index.profiles)('$file says nothing about another profile', ({ file, url }) => {
    const doc = load(site, file, url);
    expect(readFollowState(site, doc, siteById(site).handleFromText('someone.else_9') ?? 'someone')).toBe(
      'unknown',
    );
  });

  it.each(index.lists ?? [])('$file lists the follows of $owner', ({ file, url, owner, handles }) => {
    const adapter = siteById(site);
    expect(adapter.followingListOwner?.(new URL(url))).toBe(owner);
    expect(adapter.readFollowingList?.(load(site, file, url)).sort()).toEqual([...handles].sort());
  });
});
