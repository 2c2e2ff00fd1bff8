import { describe, expect, it } from 'vitest';
import { fixtureHtml, pageFrom } from '../../tests/helpers/fixture-dom';
import { linkedinPage } from './linkedin';

const HANDLE = 'alice-example-1a2b';
const PAGE_URL = `https://www.linkedin.com/in/${HANDLE}/`;
const source = (file: string) => fixtureHtml('linkedin', file);
const read = (html: string) => linkedinPage.readProfile(pageFrom(html, { url: PAGE_URL }), HANDLE);

describe('linkedin profile reading', () => {
  it('returns the top card’s Follow button, never the sidebar’s, and anchors after the name', () => {
    const reading = read(source('not-following.html'));
    expect(reading?.followControl?.getAttribute('aria-label')).toBe('Follow Alice Example');
    expect(reading?.followControl?.closest('aside')).toBeNull();
    expect(reading?.anchor?.querySelector('h2')?.textContent).toBe('Alice Example');
  });

  it('prefers Follow in the More menu to a visible Connect, and takes Connect when it is all there is', () => {
    const menu = read(source('follow-in-more-menu.html'))?.followControl;
    expect(menu?.getAttribute('aria-label')).toBe('Follow Alice Example');
    expect(menu?.closest('.artdeco-dropdown__content')).not.toBeNull();
    expect(read(source('connect-only.html'))?.followControl?.getAttribute('aria-label')).toBe(
      'Invite Alice Example to connect',
    );
  });

  it('knows the Follow slot by its icon in another language', () => {
    const spanish = source('not-following.html').replace(
      'aria-label="Follow Alice Example"',
      'aria-label="Seguir"',
    );
    expect(read(spanish)?.state).toBe('not-following');
  });

  it('reads the name of the 2025–26 card from a p as well as an h2, and the classic h1', () => {
    expect(read(source('following.html'))?.anchor?.querySelector('p')?.textContent).toBe('Alice Example');
    expect(read(source('connected.html'))?.anchor?.querySelector('h1')?.textContent).toBe('Alice Example');
  });

  it('says layout for a word two kinds share, language for a page outside the table', () => {
    const classic = source('fr-classic-following.html');
    // A button labelled Follow (Suivre) that shows Following (Suivi): ambiguous, never a guess.
    const ambiguous = classic.replace('<button type="button"', '<button type="button" aria-label="Suivre"');
    expect(read(ambiguous)).toMatchObject({ state: 'unknown', reason: 'layout' });
    expect(read(classic.replace('lang="fr"', 'lang="ca"'))).toMatchObject({
      state: 'unknown',
      reason: 'language',
    });
  });
});
