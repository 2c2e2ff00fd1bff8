import { describe, expect, it } from 'vitest';
import { mastodon } from '../../utils/sites/mastodon';
import { fixtureHtml, openFixture, pageFrom, sleep } from './fixture-dom';

const PAGE_URL = 'https://mastodon.social/@alice';
const source = (file: string) => fixtureHtml('mastodon', file);
const load = (html: string) => pageFrom(html, { url: PAGE_URL });

describe('mastodon profile reading', () => {
  it('returns the header’s Follow button and anchors after the name', () => {
    const reading = mastodon.readProfile?.(load(source('not-following.html')), 'alice@mastodon.social');
    expect(reading?.followControl?.classList.contains('account__header__follow-button')).toBe(true);
    expect(reading?.anchor?.classList.contains('account__header__tabs__name')).toBe(true);
  });

  it('says unknown for a label it cannot read rather than guessing', () => {
    const german = source('not-following.html').replaceAll(
      'follow-button">Follow<',
      'follow-button">Folgen<',
    );
    expect(mastodon.readProfile?.(load(german), 'alice@mastodon.social').state).toBe('unknown');
  });

  it('finds the following list of an account on a known instance, and nothing else', () => {
    const owner = (url: string) => mastodon.followingListOwner?.(new URL(url));
    expect(owner('https://mastodon.social/@Manager/following')).toBe('manager@mastodon.social');
    expect(owner('https://hachyderm.io/users/manager/following')).toBe('manager@hachyderm.io');
    expect(owner('https://mastodon.social/@bob@fosstodon.org/following')).toBe('bob@fosstodon.org');
    expect(owner('https://mastodon.social/@manager/followers')).toBeNull();
    expect(owner('https://mastodon.social/@manager')).toBeNull();
    expect(owner('https://www.threads.com/@manager/following')).toBeNull();
  });
});

// The saved pages behave like the site for end-to-end tests: jsdom runs their scripts here.
const live = (file: string) => openFixture('mastodon', file, { url: PAGE_URL, scripts: true });

describe('mastodon saved pages in action', () => {
  it.each(['not-following.html', 'follows-you.html', 'locked-not-following.html'])(
    '%s shows following soon after its Follow is pressed',
    async (file) => {
      const doc = live(file);
      mastodon.readProfile?.(doc, 'alice@mastodon.social').followControl?.click();
      await sleep(300);
      expect(mastodon.readProfile?.(doc, 'alice@mastodon.social').state).toBe('following');
    },
  );

  it('not-following-late.html shows the profile, not followed, 1 s after load', async () => {
    const doc = live('not-following-late.html');
    expect(mastodon.readProfile?.(doc, 'alice@mastodon.social').state).toBe('unknown');
    await sleep(1200);
    expect(mastodon.readProfile?.(doc, 'alice@mastodon.social').state).toBe('not-following');
  });
});
