import { describe, expect, it } from 'vitest';
import { instanceHost } from './instance-host';

describe('instanceHost', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Social.Example ', 'social.example'],
    ['https://Social.Example/@me', 'social.example'],
    ['http://social.example/about', 'social.example'],
    ['me@social.example', 'social.example'],
    ['@me@social.example', 'social.example'],
  ])('reads %j as %j', (input, host) => {
    expect(instanceHost(input)).toBe(host);
  });

  it.each(['', 'not a host', 'https://', 'under_score.example!'])('refuses %j', (input) => {
    expect(instanceHost(input)).toBeNull();
  });
});
