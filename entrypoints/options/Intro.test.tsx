// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { type Mounted, mount } from '../../tests/helpers/mount';
import { sites } from '../../utils/sites/index';
import { Intro } from './Intro';

let page: Mounted;
afterEach(() => page?.unmount());

it('names every supported site and says the roster stays in the browser', async () => {
  page = await mount(<Intro />);
  const text = page.container.textContent ?? '';
  for (const site of sites) expect(text).toContain(site.name);
  expect(text).toContain('Your roster stays in this browser.');
});

it('links to the team view in a new tab', async () => {
  page = await mount(<Intro />);
  const link = page.container.querySelector<HTMLAnchorElement>('[data-testid="open-team"]');
  expect(link?.href).toMatch(/^chrome-extension:\/\/[^/]+\/team\.html$/);
  expect(link?.target).toBe('_blank');
});
