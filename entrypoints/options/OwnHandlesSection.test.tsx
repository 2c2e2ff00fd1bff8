// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount, typeInto, waitFor } from '../../tests/helpers/mount';
import { addOwnHandle, ownHandlesItem } from '../../utils/settings';
import { SITE_IDS } from '../../utils/sites/index';
import { OwnHandlesSection } from './OwnHandlesSection';

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => page?.unmount());

async function open(): Promise<HTMLElement> {
  page = await mount(<OwnHandlesSection />);
  const root = page.container;
  await waitFor(() => root.querySelector('[data-testid="own-handle"]'));
  return root;
}

function field(root: HTMLElement, site: string): HTMLInputElement {
  return byTestId<HTMLInputElement>(root, 'own-handles').querySelector(
    `[data-testid="own-handle"][data-site="${site}"]`,
  ) as HTMLInputElement;
}

describe('Your accounts', () => {
  it('has one labelled field per site, says why, and shows the stored handles, learned ones included', async () => {
    await ownHandlesItem.setValue({ x: ['adaquill'], mastodon: ['ada@mastodon.social', 'ada@hachyderm.io'] });
    await addOwnHandle('reddit', 'ada_quill');
    const root = await open();
    expect(root.textContent).toContain(
      'TeamFollow records whom you follow from your own following lists only; it needs to know which lists are yours.',
    );
    for (const site of SITE_IDS) {
      const input = field(root, site);
      expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBeTruthy();
    }
    expect(field(root, 'x').value).toBe('adaquill');
    expect(field(root, 'mastodon').value).toBe('ada@mastodon.social ada@hachyderm.io');
    expect(field(root, 'reddit').value).toBe('ada_quill');
    expect(field(root, 'github').value).toBe('');
  });

  it('blocks Save while a handle is invalid, then saves canonical handles', async () => {
    const root = await open();
    const save = byTestId<HTMLButtonElement>(root, 'own-handles-save');
    await typeInto(field(root, 'mastodon'), 'ada');
    expect(field(root, 'mastodon').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId(root, 'field-error').textContent).toContain('not a valid Mastodon handle');
    expect(save.disabled).toBe(true);

    await typeInto(field(root, 'mastodon'), 'https://mastodon.social/@Ada');
    await typeInto(field(root, 'x'), '@AdaQuill x.com/AdaQ');
    await typeInto(field(root, 'github'), '  ');
    expect(save.disabled).toBe(false);
    await click(save);
    await waitFor(() => root.textContent?.includes('Saved your accounts.'));
    expect(await ownHandlesItem.getValue()).toEqual({
      x: ['adaquill', 'adaq'],
      mastodon: ['ada@mastodon.social'],
    });
    expect(field(root, 'x').value).toBe('adaquill adaq');
  });

  it('clears a site when its field is emptied', async () => {
    await ownHandlesItem.setValue({ x: ['adaquill'], github: ['ada'] });
    const root = await open();
    await typeInto(field(root, 'x'), '');
    await click(byTestId(root, 'own-handles-save'));
    await waitFor(() => root.textContent?.includes('Saved your accounts.'));
    expect(await ownHandlesItem.getValue()).toEqual({ github: ['ada'] });
  });

  it('shows a handle learned while the page is open, unless you are typing', async () => {
    const root = await open();
    await addOwnHandle('github', 'ada');
    await waitFor(() => field(root, 'github').value === 'ada');

    await typeInto(field(root, 'x'), 'typing');
    await addOwnHandle('reddit', 'ada_quill');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(field(root, 'x').value).toBe('typing');
    expect(field(root, 'reddit').value).toBe('');
  });
});
