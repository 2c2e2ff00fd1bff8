import { describe, expect, it } from 'vitest';
import { ApiError, RateLimitError } from './http';
import {
  accountFromUrl,
  blueskyLinks,
  githubLinks,
  hrefsIn,
  linksIn,
  mastodonLinks,
  profileLinks,
} from './profile-links';
import blueskyProfile from './recorded/bluesky/getProfile.json';
import profileNotFound from './recorded/bluesky/profileNotFound.json';
import blueskyLimited from './recorded/bluesky/rateLimited.json';
import githubLimited from './recorded/github/rateLimited.json';
import socialAccounts from './recorded/github/socialAccounts.json';
import userWithLinks from './recorded/github/userWithLinks.json';
import lookupAliceFields from './recorded/mastodon/lookupAliceFields.json';
import recordNotFound from './recorded/mastodon/recordNotFound.json';
import { type Exchange, replay } from './recorded/replay';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const get = (url: string, body: unknown, status = 200, headers?: Record<string, string>): Exchange => ({
  method: 'GET',
  url,
  body,
  status,
  headers,
});

function config(script: Exchange[]) {
  const fake = replay(script);
  return { config: { fetch: fake.fetch, now: () => NOW }, ...fake };
}

describe('accountFromUrl', () => {
  it.each([
    ['https://twitter.com/MonaLisa', { site: 'x', handle: 'monalisa' }],
    ['http://github.com/mona', { site: 'github', handle: 'mona' }],
    ['linkedin.com/in/mona-lisa', { site: 'linkedin', handle: 'mona-lisa' }],
    ['https://bsky.app/profile/mona.bsky.social', { site: 'bluesky', handle: 'mona.bsky.social' }],
    ['https://mastodon.social/@mona', { site: 'mastodon', handle: 'mona@mastodon.social' }],
  ])('%s is an account', (url, account) => {
    expect(accountFromUrl(url)).toEqual(account);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript://x.com/alice',
    'data:text/html,x.com/alice',
    'ftp://x.com/alice',
    'https://mona.example.com/about',
    'https://medium.com/@mona',
    '',
  ])('%s is not', (url) => {
    expect(accountFromUrl(url)).toBeNull();
  });

  it('a Mastodon profile on any instance only where the network says it is one', () => {
    expect(accountFromUrl('https://social.example.org/@mona')).toBeNull();
    expect(accountFromUrl('https://social.example.org/@mona', true)).toEqual({
      site: 'mastodon',
      handle: 'mona@social.example.org',
    });
  });
});

describe('reading links', () => {
  it('finds links with or without a scheme in text', () => {
    expect(linksIn('see github.com/a and https://x.com/b, or javascript:alert(1)')).toEqual([
      'github.com/a',
      'https://x.com/b',
    ]);
  });

  it('reads hrefs in either quote style without evaluating the HTML', () => {
    expect(
      hrefsIn(
        `<a href="https://a.example/?x=1&amp;y=2">a</a><a href='https://b.example'>b</a><img src="https://c.example">`,
      ),
    ).toEqual(['https://a.example/?x=1&y=2', 'https://b.example']);
  });
});

describe('githubLinks', () => {
  it('social accounts, twitter_username and blog, all claimed; javascript: and unknown sites ignored', async () => {
    const {
      config: c,
      requests,
      expected,
      sent,
    } = config([
      get('https://api.github.com/users/mona/social_accounts', socialAccounts),
      get('https://api.github.com/users/mona', userWithLinks),
    ]);
    const found = await githubLinks(c, 'mona');
    expect(requests()).toEqual(expected());
    expect(sent[0]?.headers.get('accept')).toBe('application/vnd.github+json');
    expect(found).toEqual([
      { site: 'x', handle: 'monalisa', from: 'github', provenance: 'claimed' },
      { site: 'bluesky', handle: 'mona.bsky.social', from: 'github', provenance: 'claimed' },
      { site: 'mastodon', handle: 'mona@fosstodon.org', from: 'github', provenance: 'claimed' },
      { site: 'linkedin', handle: 'mona-lisa', from: 'github', provenance: 'claimed' },
    ]);
  });

  it('sends the connected token when there is one', async () => {
    const { config: c, sent } = config([
      get('https://api.github.com/users/mona/social_accounts', []),
      get('https://api.github.com/users/mona', userWithLinks),
    ]);
    await githubLinks({ ...c, githubToken: 'ghp_test' }, 'mona');
    expect(sent.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer ghp_test',
      'Bearer ghp_test',
    ]);
  });

  it('a rate limit is a RateLimitError with the reset time', async () => {
    const reset = String(NOW / 1000 + 600);
    const { config: c } = config([
      get('https://api.github.com/users/mona/social_accounts', githubLimited, 403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
      }),
    ]);
    const error = await githubLinks(c, 'mona').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(NOW + 600_000);
  });
});

describe('blueskyLinks', () => {
  it('website, description links and the domain handle, claimed', async () => {
    const {
      config: c,
      requests,
      expected,
    } = config([
      get(
        'https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=mona.example.com',
        blueskyProfile,
      ),
    ]);
    const found = await blueskyLinks(c, 'mona.example.com');
    expect(requests()).toEqual(expected());
    expect(found).toEqual([
      { site: 'youtube', handle: 'monabuilds', from: 'bluesky', provenance: 'claimed' },
      { site: 'github', handle: 'mona-builds', from: 'bluesky', provenance: 'claimed' },
      { site: 'mastodon', handle: 'mona@hachyderm.io', from: 'bluesky', provenance: 'claimed' },
    ]);
  });

  it('429 is a RateLimitError; a missing profile an ApiError', async () => {
    const url = 'https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=gone.bsky.social';
    const limited = config([get(url, blueskyLimited, 429, { 'ratelimit-reset': String(NOW / 1000 + 60) })]);
    await expect(blueskyLinks(limited.config, 'gone.bsky.social')).rejects.toBeInstanceOf(RateLimitError);
    const missing = config([get(url, profileNotFound, 400)]);
    await expect(blueskyLinks(missing.config, 'gone.bsky.social')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('mastodonLinks', () => {
  it('field hrefs on the account’s own instance, verified where verified_at is set', async () => {
    const {
      config: c,
      requests,
      expected,
    } = config([get('https://hachyderm.io/api/v1/accounts/lookup?acct=alice', lookupAliceFields)]);
    const found = await profileLinks(c, { site: 'mastodon', handle: 'alice@hachyderm.io' });
    expect(requests()).toEqual(expected());
    expect(found).toEqual([
      { site: 'github', handle: 'alice-dev', from: 'mastodon', provenance: 'verified' },
      { site: 'bluesky', handle: 'alice.bsky.social', from: 'mastodon', provenance: 'claimed' },
      { site: 'mastodon', handle: 'alice_old@mastodon.social', from: 'mastodon', provenance: 'claimed' },
    ]);
  });

  it('an unknown account is an ApiError 404', async () => {
    const { config: c } = config([
      get('https://hachyderm.io/api/v1/accounts/lookup?acct=nobody', recordNotFound, 404),
    ]);
    await expect(mastodonLinks(c, 'nobody@hachyderm.io')).rejects.toMatchObject({ status: 404 });
  });
});
