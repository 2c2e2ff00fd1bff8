import { describe, expect, it } from 'vitest';
import { githubOrgMembers } from './group-members-github';
import badCredentials from './recorded/github/badCredentials.json';
import orgNotFound from './recorded/github/orgNotFound.json';
import page1 from './recorded/github/orgPublicMembersPage1.json';
import page2 from './recorded/github/orgPublicMembersPage2.json';
import rateLimited from './recorded/github/rateLimited.json';
import userMona from './recorded/github/userMona.json';
import userNotFound from './recorded/github/userNotFound.json';
import { replay } from './recorded/replay';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const GH = 'https://api.github.com';
const MEMBERS = `${GH}/orgs/acme/public_members?per_page=100`;
const NEXT = { link: `<${MEMBERS}&page=2>; rel="next", <${MEMBERS}&page=2>; rel="last"` };

describe('GitHub organisation', () => {
  it('pages the public members by the Link header and names them from their profiles', async () => {
    const fake = replay([
      { method: 'GET', url: `${MEMBERS}&page=1`, headers: NEXT, body: page1 },
      { method: 'GET', url: `${MEMBERS}&page=2`, body: page2 },
      { method: 'GET', url: `${GH}/users/mona`, body: userMona },
      { method: 'GET', url: `${GH}/users/hubot`, status: 404, body: userNotFound },
      { method: 'GET', url: `${GH}/users/octo-lead`, body: { ...userMona, name: null } },
    ]);
    const members = await githubOrgMembers(' Acme ', { fetch: fake.fetch, token: 'ghp_x', now: () => NOW });
    expect(fake.requests()).toEqual(fake.expected());
    expect(fake.sent[0]?.headers.get('authorization')).toBe('Bearer ghp_x');
    expect(members).toEqual([
      { name: 'Mona Lisa Octocat', site: 'github', handle: 'mona' },
      { name: 'hubot', site: 'github', handle: 'hubot' },
      { name: 'octo-lead', site: 'github', handle: 'octo-lead' },
    ]);
  });

  it('stops asking for names once GitHub limits the rate: the login is the name', async () => {
    const fake = replay([
      { method: 'GET', url: `${MEMBERS}&page=1`, body: page1 },
      {
        method: 'GET',
        url: `${GH}/users/mona`,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1740834000' },
        body: rateLimited,
      },
    ]);
    const members = await githubOrgMembers('acme', { fetch: fake.fetch, now: () => NOW });
    expect(fake.requests()).toEqual(fake.expected());
    expect(members.map((member) => member.name)).toEqual(['mona', 'hubot']);
  });

  it('says when there is no such organisation, and refuses a name GitHub cannot have before asking', async () => {
    const fake = replay([{ method: 'GET', url: `${MEMBERS}&page=1`, status: 404, body: orgNotFound }]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch })).rejects.toMatchObject({ status: 404 });
    const none = replay([]);
    await expect(githubOrgMembers('a/../b', { fetch: none.fetch })).rejects.toMatchObject({ status: 400 });
    expect(none.sent).toHaveLength(0);
  });

  it('says when GitHub refuses the connected token', async () => {
    const fake = replay([{ method: 'GET', url: `${MEMBERS}&page=1`, status: 401, body: badCredentials }]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch, token: 'old' })).rejects.toThrow(
      'GitHub refused the token',
    );
  });

  it('reports the rate limit of the member list itself with when to try again', async () => {
    const fake = replay([
      {
        method: 'GET',
        url: `${MEMBERS}&page=1`,
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1740834000' },
        body: rateLimited,
      },
    ]);
    await expect(githubOrgMembers('acme', { fetch: fake.fetch, now: () => NOW })).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAt: 1740834000 * 1000,
    });
  });
});
