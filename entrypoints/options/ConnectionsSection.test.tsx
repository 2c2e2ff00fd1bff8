// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  allByTestId,
  byTestId,
  click,
  type Mounted,
  mount,
  typeInto,
  waitFor,
} from '../../tests/helpers/mount';
import { connectionsItem, pacingItem } from '../../utils/settings';
import { ConnectionsSection } from './ConnectionsSection';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => page?.unmount());

// No test here presses Test: a request would fail it.
const noFetch = async (url: string): Promise<Response> => {
  throw new Error(`unexpected request ${url}`);
};

async function open(): Promise<HTMLElement> {
  page = await mount(<ConnectionsSection fetch={noFetch} />);
  const root = page.container;
  await waitFor(() => allByTestId(root, 'connection').length === 3);
  return root;
}

async function reopen(): Promise<HTMLElement> {
  page.unmount();
  return open();
}

function card(root: HTMLElement, site: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-testid="connection"][data-site="${site}"]`);
  if (!found) throw new Error(`no ${site} card`);
  return found;
}

const input = (where: HTMLElement, id: string) => byTestId<HTMLInputElement>(where, id);

async function save(where: HTMLElement) {
  await click(byTestId(where, 'connection-save'));
  await waitFor(() => !byTestId<HTMLButtonElement>(where, 'connection-save').disabled);
}

describe('Connected networks', () => {
  it('shows one card per API network, unconnected, with where the secrets go', async () => {
    const root = await open();
    const section = byTestId(root, 'connections');
    expect(allByTestId(section, 'connection').map((found) => found.dataset.site)).toEqual([
      'bluesky',
      'github',
      'mastodon',
    ]);
    for (const site of ['bluesky', 'github', 'mastodon']) {
      const where = card(root, site);
      expect(where.dataset.status).toBe('off');
      expect(input(where, 'connection-secret').type).toBe('password');
      expect(input(where, 'connection-secret').getAttribute('autocomplete')).toBe('off');
      expect(where.querySelector('[data-testid="connection-remove"]')).toBeNull();
      expect(input(where, 'pacing').dataset.site).toBe(site);
    }
    expect(card(root, 'bluesky').textContent).toContain('Settings → Privacy and security → App passwords');
    expect(card(root, 'github').textContent).toContain('user:follow');
    expect(card(root, 'mastodon').textContent).toContain('Preferences → Development → New application');
    expect(card(root, 'mastodon').textContent).toContain(
      'Stored in this browser’s extension storage, never sent anywhere except to Mastodon itself when you check or follow.',
    );
  });

  it('saves, then shows the stored values on reload without showing the secret again', async () => {
    let root = await open();
    const bluesky = card(root, 'bluesky');
    await typeInto(input(bluesky, 'connection-id'), ' @Alice.bsky.social ');
    await typeInto(input(bluesky, 'connection-secret'), 'abcd-efgh-ijkl-mnop');
    await typeInto(input(bluesky, 'pacing'), '15');
    await save(bluesky);
    expect(bluesky.textContent).toContain('Saved Bluesky.');
    const mastodon = card(root, 'mastodon');
    await typeInto(input(mastodon, 'connection-id'), 'https://Social.Example/@me');
    await typeInto(input(mastodon, 'connection-secret'), 'mastodon-token-123');
    await save(mastodon);

    expect(await connectionsItem.getValue()).toEqual({
      bluesky: { handle: 'alice.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
      mastodon: { instance: 'social.example', token: 'mastodon-token-123' },
    });
    expect(await pacingItem.getValue()).toEqual({ bluesky: 15 });

    root = await reopen();
    const again = card(root, 'bluesky');
    expect(again.dataset.status).toBe('follows');
    expect(input(again, 'connection-id').value).toBe('alice.bsky.social');
    expect(input(again, 'pacing').value).toBe('15');
    expect(byTestId(again, 'connection-secret-saved').textContent).toContain('••••');
    expect(again.querySelector('[data-testid="connection-secret"]')).toBeNull();
    expect(input(card(root, 'mastodon'), 'connection-id').value).toBe('social.example');
    expect(input(card(root, 'github'), 'pacing').value).toBe('');
    expect(input(card(root, 'github'), 'pacing').placeholder).toBe('10');
    // Neither secret appears anywhere in the page.
    expect(root.innerHTML).not.toContain('abcd-efgh');
    expect(root.innerHTML).not.toContain('mastodon-token');
  });

  it('refuses an invalid handle or host, and a Mastodon connection without its token', async () => {
    const root = await open();
    const github = card(root, 'github');
    await typeInto(input(github, 'connection-id'), 'not a login!');
    await save(github);
    expect(byTestId(github, 'connection-error').textContent).toContain('Not a GitHub login');
    expect(input(github, 'connection-id').getAttribute('aria-invalid')).toBe('true');

    const bluesky = card(root, 'bluesky');
    await typeInto(input(bluesky, 'connection-id'), 'bsky.app/profile/alice');
    await save(bluesky);
    expect(byTestId(bluesky, 'connection-error').textContent).toContain('Not a Bluesky handle');

    const mastodon = card(root, 'mastodon');
    await typeInto(input(mastodon, 'connection-id'), 'not a host');
    await typeInto(input(mastodon, 'connection-secret'), 'token');
    await save(mastodon);
    expect(byTestId(mastodon, 'connection-error').textContent).toContain('Not an instance address');

    await typeInto(input(mastodon, 'connection-id'), 'social.example');
    await typeInto(input(mastodon, 'connection-secret'), '');
    await save(mastodon);
    expect(byTestId(mastodon, 'connection-error').textContent).toContain('Enter your access token');

    await typeInto(input(mastodon, 'connection-id'), '');
    await click(byTestId(mastodon, 'connection-test'));
    expect(mastodon.textContent).toContain('Enter your home instance');

    expect(await connectionsItem.getValue()).toEqual({});
    expect(await pacingItem.getValue()).toEqual({});
  });

  it('disconnects one network, deleting its secret and keeping the others', async () => {
    await connectionsItem.setValue({
      github: { login: 'octocat', token: 'ghp_secret' },
      mastodon: { instance: 'social.example', token: 'mastodon-token' },
    });
    const root = await open();
    const mastodon = card(root, 'mastodon');
    await click(byTestId(mastodon, 'connection-remove'));
    await waitFor(() => mastodon.dataset.status === 'off');
    expect(mastodon.textContent).toContain(
      'Disconnected Mastodon: the access token is deleted from this browser.',
    );
    expect(input(mastodon, 'connection-id').value).toBe('');
    expect(await connectionsItem.getValue()).toEqual({ github: { login: 'octocat', token: 'ghp_secret' } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('mastodon-token');
    expect(mastodon.querySelector('[data-testid="connection-remove"]')).toBeNull();
  });
});
