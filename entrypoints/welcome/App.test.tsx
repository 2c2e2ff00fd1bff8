// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../tests/helpers/i18n';
import { allByTestId, type Mounted, mount } from '../../tests/helpers/mount';
import { SECTIONS } from '../options/SectionNav';
import { App } from './App';

let page: Mounted;
afterEach(() => {
  page?.unmount();
  useLanguage('en');
});

describe('first-run page', () => {
  it('gives the three steps in order, each linking to the options section that takes it', async () => {
    page = await mount(<App />);
    const steps = allByTestId(page.container, 'welcome-step');
    expect(steps.map((step) => step.querySelector('h2')?.textContent)).toEqual([
      'Import your team’s roster',
      'Tell TeamFollow your own accounts',
      'Open your following lists, or connect the APIs',
    ]);
    const links = allByTestId<HTMLAnchorElement>(page.container, 'welcome-link').map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual([
      'options.html#import-heading',
      'options.html#own-handles-heading',
      'options.html#connections-heading',
    ]);
    // Each target is a section the options page has.
    const sections = SECTIONS.map(([id]) => id);
    for (const link of links) expect(sections).toContain(link?.split('#')[1]);
  });

  it('speaks the browser’s language', async () => {
    useLanguage('de');
    page = await mount(<App />);
    expect(page.container.querySelector('h1')?.textContent).toBe('Willkommen bei TeamFollow');
    useLanguage('ja');
    page.unmount();
    page = await mount(<App />);
    expect(page.container.querySelector('h1')?.textContent).toBe('TeamFollow へようこそ');
  });
});
