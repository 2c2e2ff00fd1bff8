// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '../../tests/helpers/fake-permissions';
import {
  allByTestId,
  byTestId,
  click,
  type Mounted,
  mount,
  typeInto,
  waitFor,
} from '../../tests/helpers/mount';
import { rosterSubscriptionItem } from '../../utils/settings';
import { MASTODON_INSTANCES } from '../../utils/sites/mastodon';
import { MastodonInstancesSection } from './MastodonInstancesSection';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => page?.unmount());

async function open(): Promise<HTMLElement> {
  page = await mount(<MastodonInstancesSection />);
  const root = page.container;
  await waitFor(() => !root.textContent?.includes('Loading…'));
  return root;
}

function hosts(root: HTMLElement): (string | undefined)[] {
  return allByTestId(root, 'instance-row').map((row) => row.dataset.host);
}

describe('Mastodon instances', () => {
  it("never lists a subscribed roster's host or an API host as an instance", async () => {
    fakePermissions(['https://raw.example.org/*', 'https://api.github.com/*', 'https://social.example/*']);
    await rosterSubscriptionItem.setValue({
      url: 'https://raw.example.org/team/roster.csv',
      ownPermission: true,
    });
    const root = await open();
    expect(hosts(root)).toEqual(['social.example']);
  });

  it('lists the built-in instances and the added ones from the granted permissions', async () => {
    fakePermissions([
      'https://mastodon.social/*',
      'https://x.com/*',
      'https://social.example/*',
      'https://a.example/*',
    ]);
    const root = await open();
    const section = byTestId(root, 'mastodon-instances');
    for (const host of MASTODON_INSTANCES)
      expect(byTestId(section, 'builtin-instances').textContent).toContain(host);
    expect(section.textContent).toContain('read profile pages on that instance only');
    expect(hosts(root)).toEqual(['a.example', 'social.example']);
  });

  it('asks for the permission synchronously in the click, then lists the granted instance', async () => {
    const permissions = fakePermissions();
    const root = await open();
    expect(byTestId(root, 'instances-empty')).toBeTruthy();
    await typeInto(byTestId(root, 'instance-input'), ' https://Social.Example/@someone ');
    byTestId(root, 'instance-add').click();
    // No await between the click and the request: Firefox would lose the user gesture.
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://social.example/*'] });
    await waitFor(() => hosts(root).length === 1);
    expect(hosts(root)).toEqual(['social.example']);
    expect(root.textContent).toContain('Added social.example.');
    expect(byTestId<HTMLInputElement>(root, 'instance-input').value).toBe('');
  });

  it('says so when the user refuses the permission', async () => {
    const permissions = fakePermissions();
    permissions.state.answer = false;
    const root = await open();
    await typeInto(byTestId(root, 'instance-input'), 'social.example');
    await click(byTestId(root, 'instance-add'));
    const error = await waitFor(() => root.querySelector('[data-testid="instance-error"]'));
    expect(error.textContent).toContain('not granted');
    expect(hosts(root)).toEqual([]);
  });

  it('refuses an invalid address, a built-in instance and one already added, without asking', async () => {
    const permissions = fakePermissions(['https://social.example/*']);
    const root = await open();
    const input = byTestId<HTMLInputElement>(root, 'instance-input');
    const errorText = () => byTestId(root, 'instance-error').textContent;

    await typeInto(input, 'not an instance');
    await click(byTestId(root, 'instance-add'));
    expect(errorText()).toContain('is not an instance address');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await typeInto(input, 'threads.com');
    await click(byTestId(root, 'instance-add'));
    expect(errorText()).toContain('is not an instance address');

    await typeInto(input, 'Mastodon.Social');
    await click(byTestId(root, 'instance-add'));
    expect(errorText()).toContain('mastodon.social is built in');

    await typeInto(input, 'social.example');
    await click(byTestId(root, 'instance-add'));
    expect(errorText()).toContain('social.example is already added');

    await typeInto(input, '');
    await click(byTestId(root, 'instance-add'));
    expect(errorText()).toContain('Enter the address');
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('removes an instance by giving its permission back', async () => {
    const permissions = fakePermissions(['https://a.example/*', 'https://b.example/*']);
    const root = await open();
    const row = root.querySelector('[data-host="a.example"]');
    await click(row?.querySelector('[data-testid="instance-remove"]') ?? null);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
    await waitFor(() => root.textContent?.includes('Removed a.example.'));
    expect(hosts(root)).toEqual(['b.example']);
  });

  it('follows permissions granted or revoked elsewhere, and stops listening when closed', async () => {
    const permissions = fakePermissions();
    const root = await open();
    permissions.origins.add('https://elsewhere.example/*');
    permissions.onAdded.trigger({ origins: ['https://elsewhere.example/*'] });
    await waitFor(() => hosts(root).includes('elsewhere.example'));
    permissions.origins.delete('https://elsewhere.example/*');
    permissions.onRemoved.trigger({ origins: ['https://elsewhere.example/*'] });
    await waitFor(() => hosts(root).length === 0);
    expect(permissions.onAdded.size).toBe(1);
    page.unmount();
    await waitFor(() => permissions.onAdded.size === 0 && permissions.onRemoved.size === 0);
  });
});
