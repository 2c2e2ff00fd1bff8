import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { onTestFinished } from 'vitest';

// jsdom, not happy-dom: site selectors use :has() and friends that happy-dom does not parse.
const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

/** `html` with the whitespace between tags removed, the way the sites serve their pages. */
export function minified(html: string): string {
  return html.replace(/>\s+</g, '><');
}

/** The saved page `fixtures/{site}/{file}`, as HTML text. */
export function fixtureHtml(site: string, file: string): string {
  return readFileSync(resolve(FIXTURES, site, file), 'utf8');
}

interface PageOptions {
  /** The address the page was served at (about:blank when not given). */
  url?: string;
  /** Run the page's own scripts, as a browser would: the saved pages then behave like the site. */
  scripts?: boolean;
}

/** A jsdom document of `html`; call inside a test, which closes its window (and stops its timers) at the end. */
export function pageFrom(html: string, { url, scripts = false }: PageOptions = {}): Document {
  const { window } = new JSDOM(html, { url, runScripts: scripts ? 'dangerously' : undefined });
  onTestFinished(() => window.close());
  return window.document;
}

/** The saved page `fixtures/{site}/{file}` as a jsdom document (see pageFrom). */
export function openFixture(site: string, file: string, options: PageOptions = {}): Document {
  return pageFrom(fixtureHtml(site, file), options);
}
