import { describe, expect, it, vi } from 'vitest';
import { ApiError, RateLimitError } from '../api/http';
import type { Suggestion } from '../api/profile-links';
import { type Account, accountKeysOf, type Member } from '../model';
import { type FillInDeps, fillIn, knownAccounts, withSuggestions } from './fill-in';

function member(id: string, accounts: Account[]): Member {
  return { id, name: id.toUpperCase(), accounts, accountKeys: accountKeysOf(accounts) };
}

const claimed = (site: Suggestion['site'], handle: string, from: Suggestion['from']): Suggestion => ({
  site,
  handle,
  from,
  provenance: 'claimed',
});

/** A fake clock the sleeps advance, and a record of when each look-up ran. */
function deps(answers: Record<string, Suggestion[] | Error>, more: Partial<FillInDeps> = {}) {
  let clock = 0;
  const calls: string[] = [];
  const sleeps: number[] = [];
  const base: FillInDeps = {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    canReach: async () => true,
    lookup: async ({ site, handle }) => {
      calls.push(`${clock} ${site}:${handle}`);
      const answer = answers[`${site}:${handle}`] ?? [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    ...more,
  };
  return { deps: base, calls, sleeps };
}

describe('fillIn', () => {
  it('suggests accounts a teammate lacks, skipping their own and any other teammate’s', async () => {
    const members = [
      member('ana', [
        { site: 'github', handle: 'ana' },
        { site: 'x', handle: 'ana' },
      ]),
      member('ben', [{ site: 'bluesky', handle: 'ben.bsky.social' }]),
    ];
    const { deps: d } = deps({
      'github:ana': [
        claimed('x', 'ana', 'github'),
        claimed('bluesky', 'ben.bsky.social', 'github'),
        claimed('linkedin', 'ana-l', 'github'),
      ],
      'bluesky:ben.bsky.social': [claimed('github', 'ben', 'bluesky')],
    });
    const result = await fillIn(members, d);
    expect(result).toEqual({
      suggestions: [
        { ...claimed('linkedin', 'ana-l', 'github'), memberId: 'ana' },
        { ...claimed('github', 'ben', 'bluesky'), memberId: 'ben' },
      ],
      // Ana's own X account, named on her GitHub profile, is confirmed; Ben's Bluesky on Ana's profile is neither.
      confirmed: [{ ...claimed('x', 'ana', 'github'), memberId: 'ana' }],
      notes: [],
    });
  });

  it('marks typed the accounts no profile read names, and the others as their profile did', async () => {
    const ana = member('ana', [
      { site: 'github', handle: 'ana' },
      { site: 'x', handle: 'ana' },
      { site: 'mastodon', handle: 'ana@hachyderm.io' },
      { site: 'linkedin', handle: 'ana-l' },
    ]);
    const { deps: d } = deps({
      'github:ana': [claimed('x', 'ana', 'github'), claimed('linkedin', 'ana-l', 'github')],
      'mastodon:ana@hachyderm.io': [{ ...claimed('linkedin', 'ana-l', 'mastodon'), provenance: 'verified' }],
    });
    const { confirmed } = await fillIn([ana], d);
    expect(knownAccounts(ana, confirmed)).toEqual([
      { site: 'github', handle: 'ana', provenance: 'typed' },
      { site: 'x', handle: 'ana', provenance: 'claimed', from: 'github' },
      { site: 'mastodon', handle: 'ana@hachyderm.io', provenance: 'typed' },
      { site: 'linkedin', handle: 'ana-l', provenance: 'verified', from: 'mastodon' },
    ]);
    // Another teammate's confirmation says nothing about this one.
    expect(
      knownAccounts(
        ana,
        confirmed.map((c) => ({ ...c, memberId: 'ben' })),
      ),
    ).toEqual(ana.accounts.map((account) => ({ ...account, provenance: 'typed' })));
  });

  it('waits the interval between two requests to the same network, not across networks', async () => {
    const members = [
      member('a', [{ site: 'github', handle: 'a' }]),
      member('b', [
        { site: 'github', handle: 'b' },
        { site: 'bluesky', handle: 'b.bsky.social' },
      ]),
    ];
    const { deps: d, calls, sleeps } = deps({});
    await fillIn(members, { ...d, intervalMs: 1000 });
    expect(calls).toEqual(['0 github:a', '1000 github:b', '1000 bluesky:b.bsky.social']);
    expect(sleeps).toEqual([1000]);
  });

  it('reports progress, and a verified suggestion wins over the same one claimed', async () => {
    const members = [
      member('c', [
        { site: 'github', handle: 'c' },
        { site: 'mastodon', handle: 'c@hachyderm.io' },
      ]),
    ];
    const progress = vi.fn();
    const { deps: d } = deps({
      'github:c': [claimed('x', 'cee', 'github')],
      'mastodon:c@hachyderm.io': [{ ...claimed('x', 'cee', 'mastodon'), provenance: 'verified' }],
    });
    const result = await fillIn(members, { ...d, onProgress: progress });
    expect(result.suggestions).toEqual([
      { site: 'x', handle: 'cee', from: 'mastodon', provenance: 'verified', memberId: 'c' },
    ]);
    expect(progress.mock.calls.map(([p]) => p)).toEqual([
      { done: 0, total: 2, name: 'C' },
      { done: 1, total: 2, name: 'C' },
      { done: 2, total: 2 },
    ]);
  });

  it('skips a Mastodon instance it may not ask, with a note, and goes on after other failures', async () => {
    const members = [
      member('d', [
        { site: 'mastodon', handle: 'd@social.example.org' },
        { site: 'github', handle: 'gone' },
        { site: 'bluesky', handle: 'd.bsky.social' },
      ]),
    ];
    const canReach = vi.fn(async (host: string) => host !== 'social.example.org');
    const { deps: d, calls } = deps({
      'github:gone': new ApiError('GitHub has no such account', 404),
      'bluesky:d.bsky.social': [claimed('x', 'dee', 'bluesky')],
    });
    const result = await fillIn(members, { ...d, canReach });
    expect(canReach).toHaveBeenCalledWith('social.example.org');
    expect(calls).toEqual(['0 github:gone', '0 bluesky:d.bsky.social']);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^Skipped D's Mastodon account d@social\.example\.org: TeamFollow may not ask social\.example\.org/,
      ),
      "Could not read D's GitHub account gone: GitHub has no such account",
    ]);
    expect(result.suggestions).toHaveLength(1);
  });

  it('stops on a rate limit, keeping what it found', async () => {
    const members = [
      member('e', [{ site: 'bluesky', handle: 'e.bsky.social' }]),
      member('f', [{ site: 'github', handle: 'f' }]),
      member('g', [{ site: 'github', handle: 'g' }]),
    ];
    const { deps: d, calls } = deps({
      'bluesky:e.bsky.social': [claimed('x', 'eee', 'bluesky')],
      'github:f': new RateLimitError("GitHub's rate limit is reached", 60_000),
    });
    const result = await fillIn(members, d);
    expect(result.stopped).toBe('rate-limited');
    expect(calls).toEqual(['0 bluesky:e.bsky.social', '0 github:f']);
    expect(result.suggestions).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^GitHub's rate limit is reached: stopped at F's GitHub account f/);
  });

  it('Stop ends the run during a wait and before the next request', async () => {
    const members = [
      member('h', [{ site: 'github', handle: 'h' }]),
      member('i', [{ site: 'github', handle: 'i' }]),
    ];
    const stop = new AbortController();
    const { deps: d, calls } = deps(
      {},
      {
        sleep: async (_ms, signal) => {
          stop.abort();
          throw signal?.reason;
        },
      },
    );
    const result = await fillIn(members, { ...d, signal: stop.signal });
    expect(result.stopped).toBe('stopped');
    expect(calls).toEqual(['0 github:h']);

    const already = new AbortController();
    already.abort();
    const none = deps({});
    expect((await fillIn(members, { ...none.deps, signal: already.signal })).stopped).toBe('stopped');
    expect(none.calls).toEqual([]);
  });
});

describe('withSuggestions', () => {
  it('adds ticked accounts, leaving out any that a teammate holds by now or that is ticked twice', () => {
    const ana = member('ana', [{ site: 'github', handle: 'ana' }]);
    const ben = member('ben', [{ site: 'x', handle: 'taken' }]);
    const changed = withSuggestions(
      [ana, ben],
      [
        { ...claimed('x', 'ana', 'github'), memberId: 'ana' },
        { ...claimed('x', 'taken', 'github'), memberId: 'ana' },
        { ...claimed('linkedin', 'ana', 'github'), memberId: 'ana' },
        { ...claimed('linkedin', 'ana', 'github'), memberId: 'ben' },
        { ...claimed('x', 'x1', 'github'), memberId: 'nobody' },
      ],
    );
    expect(changed).toEqual([
      member('ana', [
        { site: 'github', handle: 'ana' },
        { site: 'x', handle: 'ana' },
        { site: 'linkedin', handle: 'ana' },
      ]),
    ]);
  });
});
