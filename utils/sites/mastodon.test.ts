import { describe, expect, it } from 'vitest';
import { fixtureHtml, pageFrom } from '../../tests/helpers/fixture-dom';
import { parseProfileUrl, siteHostPatterns } from './index';
import { MASTODON_INSTANCES, mastodon } from './mastodon';

const PAGE_URL = 'https://mastodon.social/@alice';
const source = (file: string) => fixtureHtml('mastodon', file);
const load = (html: string) => pageFrom(html, { url: PAGE_URL });

describe('mastodon profile reading', () => {
  it('returns the header’s Follow button and anchors after the name', () => {
    const reading = mastodon.readProfile?.(load(source('not-following.html')), 'alice@mastodon.social');
    expect(reading?.followControl?.classList.contains('account__header__follow-button')).toBe(true);
    expect(reading?.anchor?.tagName).toBe('H1');
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
