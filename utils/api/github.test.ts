import { describe, expect, it } from 'vitest';
import { createGitHubApi } from './github';
import { ApiError, RateLimitError } from './http';
import badCredentials from './recorded/github/badCredentials.json';
import notAccessible from './recorded/github/notAccessible.json';
import notFound from './recorded/github/notFound.json';
import rateLimited from './recorded/github/rateLimited.json';
import secondaryRateLimit from './recorded/github/secondaryRateLimit.json';
import user from './recorded/github/user.json';
import userNotFound from './recorded/github/userNotFound.json';
import { type Exchange, replay } from './recorded/replay';

const API = 'https://api.github.com';
const NOW = Date.parse('2025-03-01T12:00:00.000Z');

const yes = (url: string): Exchange => ({ method: 'GET', url: `${API}${url}`, status: 204 });
const no = (url: string): Exchange => ({ method: 'GET', url: `${API}${url}`, status: 404, body: notFound });

function client(script: Exchange[], token?: string) {
  const fake = replay(script);
  const api = createGitHubApi({ login: 'octo-lead', token, fetch: fake.fetch, now: () => NOW });
  return { api, ...fake };
}

describe('GitHub check', () => {
  it('without a token: following, follows you, not following, no such user and self, from public endpoints', async () => {
    const { api, requests, expected, sent } = client([
      yes('/users/octo-lead/following/mona'),
      yes('/users/mona/following/octo-lead'),
      yes('/users/octo-lead/following/hubot'),
      no('/users/hubot/following/octo-lead'),
      no('/users/octo-lead/following/torvalds'),
      yes('/users/torvalds/following/octo-lead'),
      no('/users/octo-lead/following/defunkt'),
      no('/users/defunkt/following/octo-lead'),
      { method: 'GET', url: `${API}/users/defunkt`, body: user },
      no('/users/octo-lead/following/no-such-person'),
      no('/users/no-such-person/following/octo-lead'),
      { method: 'GET', url: `${API}/users/no-such-person`, status: 404, body: userNotFound },
    ]);

    const result = await api.check(['mona', 'hubot', 'torvalds', 'defunkt', 'no-such-person', 'octo-lead']);

    expect(requests()).toEqual(expected());
    for (const request of sent) {
      expect(request.headers.has('authorization')).toBe(false);
      expect(request.headers.get('accept')).toBe('application/vnd.github+json');
      expect(request.headers.get('x-github-api-version')).toBe('2022-11-28');
    }
    expect(Object.fromEntries(result)).toEqual({
      mona: { state: 'following', followsYou: true },
      hubot: { state: 'following', followsYou: false },
      torvalds: { state: 'not-following', followsYou: true },
      defunkt: { state: 'not-following', followsYou: false },
      'octo-lead': { state: 'self' },
    });
    expect(api.canFollow).toBe(false);
  });

  it('with a token: asks /user/following with the bearer token', async () => {
    const { api, requests, expected, sent } = client(
      [yes('/user/following/mona'), no('/users/mona/following/octo-lead')],
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    );
    expect(await api.check(['mona'])).toEqual(new Map([['mona', { state: 'following', followsYou: false }]]));
    expect(requests()).toEqual(expected());
    expect(sent.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    ]);
  });

  it('refuses a handle that is not canonical, before any request', async () => {
    const { api, sent } = client([]);
    await expect(api.check(['Mona'])).rejects.toMatchObject({ name: 'ApiError', status: 400 });
    await expect(api.check(['mona/../../user'])).rejects.toMatchObject({ status: 400 });
    expect(sent).toHaveLength(0);
    expect(() => createGitHubApi({ login: '@Octo', fetch: replay([]).fetch })).toThrow(ApiError);
  });

  it('turns the spent hourly limit (403, x-ratelimit-remaining 0) into RateLimitError at x-ratelimit-reset', async () => {
    const reset = NOW / 1000 + 1800;
    const { api } = client([
      {
        method: 'GET',
        url: `${API}/users/octo-lead/following/mona`,
        status: 403,
        headers: {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '60',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core',
        },
        body: rateLimited,
      },
    ]);
    const error = await api.check(['mona']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(reset * 1000);
    expect((error as RateLimitError).message).toMatch(/without a token/);
  });

  it('turns a 429 with retry-after, and a secondary limit without headers, into RateLimitError', async () => {
    const token = 'ghp_token';
    const withRetryAfter = client(
      [{ method: 'PUT', url: `${API}/user/following/mona`, status: 429, headers: { 'retry-after': '120' } }],
      token,
    );
    await expect(withRetryAfter.api.follow('mona')).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAt: NOW + 120_000,
    });
    const secondary = client(
      [{ method: 'PUT', url: `${API}/user/following/mona`, status: 403, body: secondaryRateLimit }],
      token,
    );
    await expect(secondary.api.follow('mona')).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAt: NOW + 60_000,
    });
  });

  it('explains a refused token (401) and a missing scope (403)', async () => {
    const bad = client(
      [{ method: 'GET', url: `${API}/user/following/mona`, status: 401, body: badCredentials }],
      'ghp_expired',
    );
    const error = await bad.api.check(['mona']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/GitHub refused the token/) });

    const scope = client(
      [{ method: 'PUT', url: `${API}/user/following/mona`, status: 403, body: notAccessible }],
      'github_pat_readonly',
    );
    await expect(scope.api.follow('mona')).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/user:follow/),
    });
  });

  it('reports server trouble and an unreachable network as ApiError', async () => {
    const down = client([
      {
        method: 'GET',
        url: `${API}/users/octo-lead/following/mona`,
        status: 503,
        body: '<html>Unicorn!</html>',
      },
    ]);
    await expect(down.api.check(['mona'])).rejects.toMatchObject({ name: 'ApiError', status: 503 });
    const offline = createGitHubApi({
      login: 'octo-lead',
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    await expect(offline.check(['mona'])).rejects.toMatchObject({ name: 'ApiError', status: 0 });
  });
});

describe('GitHub follow', () => {
  const token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';

  it('PUTs /user/following/{target} with the token and API headers', async () => {
    const { api, requests, expected, sent } = client(
      [{ method: 'PUT', url: `${API}/user/following/mona`, status: 204 }],
      token,
    );
    expect(api.canFollow).toBe(true);
    expect(await api.follow('mona')).toEqual({ state: 'following' });
    expect(requests()).toEqual(expected());
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(sent[0]?.headers.get('accept')).toBe('application/vnd.github+json');
    expect(sent[0]?.headers.get('x-github-api-version')).toBe('2022-11-28');
  });

  it('is idempotent: following someone already followed answers 204 again', async () => {
    const { api, requests, expected } = client(
      [
        { method: 'PUT', url: `${API}/user/following/mona`, status: 204 },
        { method: 'PUT', url: `${API}/user/following/mona`, status: 204 },
      ],
      token,
    );
    expect(await api.follow('mona')).toEqual({ state: 'following' });
    expect(await api.follow('mona')).toEqual({ state: 'following' });
    expect(requests()).toEqual(expected());
  });

  it('answers self without a request, refuses without a token, and reports an unknown user', async () => {
    const self = client([], token);
    expect(await self.api.follow('octo-lead')).toEqual({ state: 'self' });
    expect(self.sent).toHaveLength(0);

    const anonymous = client([]);
    await expect(anonymous.api.follow('mona')).rejects.toMatchObject({
      status: 401,
      message: expect.stringMatching(/token/),
    });
    expect(anonymous.sent).toHaveLength(0);

    const unknown = client(
      [{ method: 'PUT', url: `${API}/user/following/no-such-person`, status: 404, body: notFound }],
      token,
    );
    await expect(unknown.api.follow('no-such-person')).rejects.toMatchObject({ status: 404 });
  });
});
