import { describe, expect, it } from 'vitest';
import { mastodonListMembers, mastodonLists } from './group-members-mastodon';
import listAccountsPage1 from './recorded/mastodon/listAccountsPage1.json';
import listAccountsPage2 from './recorded/mastodon/listAccountsPage2.json';
import lists from './recorded/mastodon/lists.json';
import { replay } from './recorded/replay';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

describe('Mastodon list', () => {
  const config = (fetch: ReturnType<typeof replay>['fetch']) => ({
    instance: 'mastodon.social',
    token: 'tok',
    fetch,
    now: () => NOW,
  });
  const ACCOUNTS = 'https://mastodon.social/api/v1/lists/12249/accounts?limit=80';

  it('lists the connected account’s lists with its token', async () => {
    const fake = replay([{ method: 'GET', url: 'https://mastodon.social/api/v1/lists', body: lists }]);
    expect(await mastodonLists(config(fake.fetch))).toMatchObject([
      { id: '12249', title: 'Platform team' },
      { id: '13694', title: 'Friends' },
    ]);
    expect(fake.sent[0]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('pages a list by the Link header and writes every acct as user@instance', async () => {
    const next = 'https://mastodon.social/api/v1/lists/12249/accounts?limit=80&max_id=109303';
    const fake = replay([
      { method: 'GET', url: ACCOUNTS, headers: { link: `<${next}>; rel="next"` }, body: listAccountsPage1 },
      { method: 'GET', url: next, body: listAccountsPage2 },
    ]);
    expect(await mastodonListMembers('12249', config(fake.fetch))).toEqual([
      { name: 'Alice Liddell', site: 'mastodon', handle: 'alice@mastodon.social' },
      { name: 'bob@fosstodon.org', site: 'mastodon', handle: 'bob@fosstodon.org' },
      { name: 'Carol', site: 'mastodon', handle: 'carol@hachyderm.io' },
    ]);
    expect(fake.requests()).toEqual(fake.expected());
  });

  it('never sends the token to another host named by the Link header', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: ACCOUNTS,
        headers: { link: '<https://evil.example/api/v1/lists/12249/accounts>; rel="next"' },
        body: listAccountsPage2,
      },
    ]);
    expect(await mastodonListMembers('12249', config(fake.fetch))).toHaveLength(1);
    expect(fake.requests()).toEqual(fake.expected());
  });

  it('asks the user to connect again when the token is refused', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: 'https://mastodon.social/api/v1/lists',
        status: 401,
        body: { error: 'The access token is invalid' },
      },
    ]);
    await expect(mastodonLists(config(fake.fetch))).rejects.toMatchObject({ status: 401 });
  });
});
