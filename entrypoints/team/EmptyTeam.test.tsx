// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byTestId, click, type Mounted, mount } from '../../tests/helpers/mount';
import { EmptyTeam } from './EmptyTeam';

let page: Mounted | undefined;
afterEach(() => page?.unmount());

it('leads to the options to import a roster', async () => {
  const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
  page = await mount(<EmptyTeam />);
  const empty = byTestId(page.container, 'team-empty');
  expect(empty.textContent).toContain('No teammates yet');
  await click(empty.querySelector('button'));
  expect(openOptionsPage).toHaveBeenCalledOnce();
});
