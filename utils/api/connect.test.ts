import { expect, it } from 'vitest';
import { connectApi } from './connect';

const fetch = async () => new Response(null, { status: 500 });

it('creates a client only for a connected network', () => {
  expect(connectApi('bluesky', {}, fetch)).toBeNull();
  expect(connectApi('github', { github: { login: 'octo-cat' } }, fetch)).toMatchObject({
    site: 'github',
    canFollow: false,
  });
  expect(connectApi('github', { github: { login: 'octo-cat', token: 't' } }, fetch)?.canFollow).toBe(true);
  expect(connectApi('mastodon', { mastodon: { instance: 'mastodon.social', token: 't' } }, fetch)?.site).toBe(
    'mastodon',
  );
});

it('treats settings a client refuses as not connected', () => {
  expect(connectApi('github', { github: { login: '-not a login-' } }, fetch)).toBeNull();
});
