import { describe, expect, it } from 'vitest';
import { fixtureHtml, pageFrom } from '../../tests/helpers/fixture-dom';
import { parseProfileUrl, siteHostPatterns } from './index';
import { MASTODON_INSTANCES, mastodon, mastodonPage } from './mastodon';

const PAGE_URL = 'https://mastodon.social/@alice';
const source = (file: string) => fixtureHtml('mastodon', file);
const load = (html: string) => pageFrom(html, { url: PAGE_URL });

describe('mastodon profile reading', () => {
  it('returns the header’s Follow button and anchors after the name', () => {
    const reading = mastodonPage.readProfile(load(source('not-following.html')), 'alice@mastodon.social');
    expect(reading?.followControl?.classList.contains('account__header__follow-button')).toBe(true);
    expect(reading?.anchor?.tagName).toBe('H1');
  });

  it('says unknown for a label it cannot read rather than guessing', () => {
    const german = source('not-following.html').replaceAll(
      'follow-button">Follow<',
      'follow-button">Folgen<',
    );
    expect(mastodonPage.readProfile(load(german), 'alice@mastodon.social').state).toBe('unknown');
  });

  it('reads where a moved account went from the banner of its own header only', () => {
    const moved = source('v45-moved.html');
    const movedTo = (html: string) => mastodonPage.readProfile(load(html), 'alice@mastodon.social').movedTo;
    // A Permalink gives the new account's own address as href.
    expect(
      movedTo(moved.replaceAll('href="/@alice@hachyderm.io"', 'href="https://hachyderm.io/@alice"')),
    ).toBe('alice@hachyderm.io');
    // Links to two different accounts, or back to this one, name no new account.
    expect(
      movedTo(moved.replace('href="/@alice@hachyderm.io">Go', 'href="/@bob@hachyderm.io">Go')),
    ).toBeUndefined();
    expect(movedTo(moved.replaceAll('/@alice@hachyderm.io', '/@alice'))).toBeUndefined();
    // The banner of another account (a hover card) is not this header's.
    const banner = moved.slice(
      moved.indexOf('<div class="moved-account-banner">'),
      moved.indexOf('<div class="account__header inactive">'),
    );
    const elsewhere = source('v45-following.html').replace(
      '</body>',
      `<div class="hover-card">${banner}</div></body>`,
    );
    expect(movedTo(elsewhere)).toBeUndefined();
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

const url = (text: string) => new URL(text);

describe('mastodon instances', () => {
  it('knows the large instances the design lists', () => {
    for (const host of [
      'mastodon.social',
      'mastodon.online',
      'mastodon.world',
      'mas.to',
      'mstdn.social',
      'fosstodon.org',
      'hachyderm.io',
      'infosec.exchange',
      'techhub.social',
      'universeodon.com',
    ]) {
      expect(MASTODON_INSTANCES).toContain(host);
    }
  });

  it('lists its built-in instances as hosts, so their pages get the content script', () => {
    expect(mastodon.hosts).toEqual(MASTODON_INSTANCES);
    expect(siteHostPatterns()).toContain('https://hachyderm.io/*');
  });

  it('reads an instance the user added only when asked with it', () => {
    const page = url('https://social.example.org/@Alice/media');
    expect(mastodon.handleFromUrl(page)).toBeNull();
    expect(mastodon.handleFromUrl(page, { mastodonHosts: ['other.example'] })).toBeNull();
    expect(mastodon.handleFromUrl(page, { mastodonHosts: ['social.example.org'] })).toBe(
      'alice@social.example.org',
    );
    expect(parseProfileUrl(page.href, { mastodonHosts: ['social.example.org'] })).toEqual({
      site: 'mastodon',
      handle: 'alice@social.example.org',
    });
  });

  it('applies the same path rules on an added instance', () => {
    const options = { mastodonHosts: ['social.example.org'] };
    expect(mastodon.handleFromUrl(url('https://social.example.org/@bob@mas.to'), options)).toBe('bob@mas.to');
    expect(mastodon.handleFromUrl(url('https://social.example.org/users/bob'), options)).toBe(
      'bob@social.example.org',
    );
    expect(mastodon.handleFromUrl(url('https://social.example.org/@bob/followers'), options)).toBeNull();
    expect(mastodon.handleFromUrl(url('https://social.example.org/home'), options)).toBeNull();
    expect(mastodon.handleFromUrl(url('http://social.example.org/@bob'), options)).toBeNull();
  });

  it('takes remote usernames longer than 30 characters, within the federated limit of 2048', () => {
    // Not a URL case: the account's own server is not a known instance, so its profile URL does not round-trip.
    const long = 'a_very_long_remote_name'.repeat(3);
    expect(mastodon.handleFromUrl(url(`https://mastodon.social/@${long}@other.example`))).toBe(
      `${long}@other.example`,
    );
    expect(mastodon.handleFromUrl(url(`https://mastodon.social/@${long}@other.example/featured`))).toBe(
      `${long}@other.example`,
    );
    expect(mastodon.handleFromUrl(url(`https://mastodon.social/@${long}`))).toBeNull();
    expect(mastodon.handleFromUrl(url(`https://mastodon.social/@${long}@mastodon.social`))).toBeNull();
  });

  it('builds the profile URL on the account’s own instance', () => {
    expect(mastodon.profileUrl('bob@fosstodon.org')).toBe('https://fosstodon.org/@bob');
    expect(mastodon.profileUrl('alice@xn--mnchen-3ya.social')).toBe('https://xn--mnchen-3ya.social/@alice');
  });

  it('takes a typed account on any instance but never a bare name', () => {
    expect(mastodon.handleFromText('Carol@Social.Example.Org')).toBe('carol@social.example.org');
    expect(mastodon.handleFromText('carol')).toBeNull();
    expect(mastodon.handleFromText('carol@social')).toBeNull();
    // A typed account may live on any server: federated usernames reach 2048 characters (account.rb).
    expect(mastodon.handleFromText(`${'c'.repeat(31)}@social.example.org`)).toBe(
      `${'c'.repeat(31)}@social.example.org`,
    );
    expect(mastodon.handleFromText(`${'c'.repeat(2049)}@social.example.org`)).toBeNull();
  });
});

describe('mastodon header reading across release lines', () => {
  const page = (file: string, at = PAGE_URL) => pageFrom(source(file), { url: at });

  it('finds the 4.7 header without any .account__header class, from the handle button by the h1', () => {
    const doc = page('v47-not-following.html');
    expect(doc.querySelector('.account__header')).toBeNull();
    const reading = mastodonPage.readProfile(doc, 'alice@mastodon.social');
    expect(reading?.state).toBe('not-following');
    expect(reading?.followControl?.textContent).toBe('Follow');
    // The desktop button comes first; the "Who to follow" card's button is someone else's.
    expect(reading?.followControl?.closest('.inline-follow-suggestions')).toBeNull();
  });

  it('reads "Unfollow" on a locked account as unknown in 4.3 and 4.4, where a pending request says the same', () => {
    for (const file of ['v43-requested.html', 'v44-requested.html']) {
      expect(mastodonPage.readProfile(page(file), 'alice@mastodon.social')).toMatchObject({
        state: 'unknown',
        reason: 'layout',
      });
    }
    // The same page from 4.5 has its own words for a request.
    const later = source('v44-requested.html').replace('"version": "4.4.9"', '"version": "4.5.2"');
    expect(mastodonPage.readProfile(pageFrom(later, { url: PAGE_URL }), 'alice@mastodon.social').state).toBe(
      'following',
    );
  });

  it('takes the signed-in account from initial-state, never needing the access token', () => {
    const html = source('v47-following.html').replace(/, "access_token": "[^"]*"/, '');
    expect(html).not.toContain('access_token');
    expect(() => JSON.parse(pageFrom(html).getElementById('initial-state')?.textContent ?? '')).not.toThrow();
    expect(mastodonPage.readProfile(pageFrom(html, { url: PAGE_URL }), 'alice@mastodon.social').state).toBe(
      'following',
    );
    const self = source('v42-self.html');
    expect(mastodonPage.readProfile(pageFrom(self, { url: PAGE_URL }), 'alice@mastodon.social').state).toBe(
      'self',
    );
  });

  it('reads the page in its language and says so when it is outside the table', () => {
    expect(mastodonPage.readProfile(page('v47-de-follow-back.html'), 'alice@mastodon.social')).toMatchObject({
      state: 'not-following',
      followsYou: true,
    });
    expect(
      mastodonPage.readProfile(page('v47-ca-not-following.html'), 'alice@mastodon.social'),
    ).toMatchObject({
      state: 'unknown',
      reason: 'language',
    });
  });

  it('answers for the remote account only when its whole handle is shown', () => {
    const remote = 'https://mastodon.social/@bob@other.example';
    expect(mastodonPage.readProfile(page('v45-remote.html', remote), 'bob@other.example').state).toBe(
      'following',
    );
    expect(mastodonPage.readProfile(page('v45-remote.html', remote), 'bob@mastodon.social')).toMatchObject({
      state: 'unknown',
      reason: 'loading',
    });
  });
});
