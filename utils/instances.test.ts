import { describe, expect, it } from 'vitest';
import { addedInstances, instanceHost, instancePattern } from './instances';

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

describe('instancePattern', () => {
  it.each([
    ['social.example.org', 'https://social.example.org/*'],
    ['  Social.Example.ORG ', 'https://social.example.org/*'],
    ['https://social.example.org/@alice', 'https://social.example.org/*'],
  ])('%s → %s', (input, pattern) => {
    expect(instancePattern(input)).toBe(pattern);
  });

  it.each([
    ['a built-in instance', 'mastodon.social'],
    ['a host of another site', 'www.threads.com'],
    ['no dot', 'localhost'],
    ['a port', 'social.example.org:8443'],
    ['an IP address', '192.168.0.1'],
    ['a wildcard', '*.example.org'],
    ['markup', '<script>.example.org'],
    ['empty', ''],
  ])('refuses %s', (_label, input) => {
    expect(instancePattern(input)).toBeNull();
  });
});

it('finds the user-added instances among granted origins', () => {
  expect(
    addedInstances(['https://x.com/*', 'https://social.example.org/*', 'https://*/*', 'https://b.example/*']),
  ).toEqual(['b.example', 'social.example.org']);
});

it('never takes the API hosts or wildcard patterns TeamFollow holds for instances', () => {
  expect(
    addedInstances([
      'https://api.github.com/*',
      'https://bsky.social/*',
      'https://public.api.bsky.app/*',
      'https://*.host.bsky.network/*',
      'https://*/*',
      '<all_urls>',
      'https://social.example.org/*',
    ]),
  ).toEqual(['social.example.org']);
  expect(instancePattern('bsky.social')).toBeNull();
  expect(instancePattern('api.github.com')).toBeNull();
});

it('leaves out the hosts granted for another reason, such as a subscribed roster', () => {
  const origins = ['https://raw.example.org/*', 'https://social.example.org/*'];
  expect(addedInstances(origins, ['raw.example.org'])).toEqual(['social.example.org']);
  expect(addedInstances(origins)).toEqual(['raw.example.org', 'social.example.org']);
});
