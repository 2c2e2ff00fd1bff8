import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FixtureIndex } from '../../fixtures/types';
import {
  pageReader,
  parseProfileUrl,
  readFollowState,
  readProfile,
  SITE_IDS,
  siteById,
} from '../../utils/sites/index';
import { fixtureHtml, minified, pageFrom } from '../helpers/fixture-dom';

// Every saved page under fixtures/<site>/ is described in its index.json: the URL it was served at, what the
// adapter must read from it, and how its own scripts behave. Each page is read as saved and minified (no
// whitespace between tags), the way the sites serve them.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const sitesWithFixtures = SITE_IDS.filter((site) => readdirSync(FIXTURES).includes(site));
const FORMS = [
  ['saved', (html: string) => html],
  ['minified', minified],
] as const;

it('has saved pages for every site', () => {
  expect(sitesWithFixtures).toEqual([...SITE_IDS]);
});

describe.each(sitesWithFixtures)('%s fixtures', (site) => {
  const index: FixtureIndex = JSON.parse(readFileSync(resolve(FIXTURES, site, 'index.json'), 'utf8'));
  const profiles = index.profiles.map((profile) => ({
    ...profile,
    handle: parseProfileUrl(profile.url)?.handle as string,
  }));

  it.each(index.profiles)('$file is a profile URL of this site', ({ url }) => {
    expect(parseProfileUrl(url)?.site).toBe(site);
  });

  // Unknown is a state, and it says why (DESIGN, principle 7): every unknown page names its reason.
  it.each(index.profiles.filter((p) => p.state === 'unknown'))(
    '$file says why it is unknown',
    ({ reason }) => {
      expect(reason).toBeDefined();
    },
  );

  describe.each(FORMS)('%s', (_form, shape) => {
    const open = (file: string, url: string) => pageFrom(shape(fixtureHtml(site, file)), { url });

    it.each(profiles)(
      '$file shows $state',
      ({ file, url, handle, state, followsYou, reason, stableId, movedTo }) => {
        const reading = readProfile(site, open(file, url), handle);
        expect(reading.movedTo).toBe(movedTo);
        expect(reading.state).toBe(state);
        if (followsYou !== undefined) expect(reading.followsYou ?? false).toBe(followsYou);
        if (state === 'unknown') expect(reading.reason).toBe(reason);
        // A site whose pages show a stable id: each page gives exactly the one its index names (none where it says none).
        if (pageReader(site).readsStableId) expect(reading.stableId).toBe(stableId);
        // The control to point at exists exactly while there is someone to follow.
        expect(Boolean(reading.followControl)).toBe(state === 'not-following');
      },
    );

    it.each(profiles)('$file says nothing about another profile', ({ file, url }) => {
      const other = siteById(site).handleFromText('someone.else_9') ?? 'someone';
      expect(readFollowState(site, open(file, url), other)).toBe('unknown');
    });

    it.each(index.lists ?? [])('$file lists the follows of $owner', ({ file, url, owner, handles }) => {
      expect(siteById(site).followingListOwner?.(new URL(url))).toBe(owner);
      expect(pageReader(site).readFollowingList?.(open(file, url)).sort()).toEqual([...handles].sort());
    });
  });

  // The saved pages behave like the site for end-to-end tests: jsdom runs their scripts here.
  const live = (file: string, url: string) => pageFrom(fixtureHtml(site, file), { url, scripts: true });

  it.each(profiles.filter((p) => p.press))(
    '$file shows $press once its own control is pressed',
    async ({ file, url, handle, press }) => {
      const doc = live(file, url);
      const reading = readProfile(site, doc, handle);
      expect(reading.state).toBe('not-following');
      // The test stands in for the user's own click: TeamFollow itself never presses.
      reading.followControl?.click();
      await vi.waitFor(() => expect(readProfile(site, doc, handle).state).toBe(press), { timeout: 2000 });
      expect(readProfile(site, doc, handle).followControl ?? null).toBeNull();
    },
  );

  it.each(profiles.filter((p) => p.late))(
    '$file shows $late once it has rendered',
    async ({ file, url, handle, late }) => {
      const doc = live(file, url);
      expect(readProfile(site, doc, handle).state).toBe('unknown');
      await vi.waitFor(() => expect(readProfile(site, doc, handle).state).toBe(late), { timeout: 3000 });
    },
  );
});
