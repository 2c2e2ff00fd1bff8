import { describe, expect, it } from 'vitest';
import type { Connections } from '../../utils/settings';
import { savedOf, withSaved } from './saved-connection';

const stored: Connections = {
  bluesky: { handle: 'alice.bsky.social', appPassword: 'app-password' },
  github: { login: 'octocat' },
  mastodon: { instance: 'social.example', token: 'token' },
};

describe('savedOf', () => {
  it('reads each network under its own field names', () => {
    expect(savedOf(stored, 'bluesky')).toEqual({ id: 'alice.bsky.social', secret: 'app-password' });
    expect(savedOf(stored, 'github')).toEqual({ id: 'octocat', secret: undefined });
    expect(savedOf(stored, 'mastodon')).toEqual({ id: 'social.example', secret: 'token' });
  });

  it('is undefined for a network that is not connected', () => {
    expect(savedOf({}, 'github')).toBeUndefined();
  });
});

describe('withSaved', () => {
  it('replaces one network, leaving out an empty optional secret', () => {
    expect(withSaved(stored, 'bluesky', { id: 'bob.bsky.social' })).toEqual({
      ...stored,
      bluesky: { handle: 'bob.bsky.social' },
    });
    expect(withSaved({}, 'github', { id: 'octocat', secret: 'ghp' })).toEqual({
      github: { login: 'octocat', token: 'ghp' },
    });
  });

  it('removes a network with its secret, keeping the others', () => {
    expect(withSaved(stored, 'mastodon', undefined)).toEqual({
      bluesky: stored.bluesky,
      github: stored.github,
    });
  });
});
