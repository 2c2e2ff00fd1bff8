import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect, onTestFinished, vi } from 'vitest';
import type { ProfileReading } from '../../utils/sites/types';

// jsdom, not happy-dom: site selectors use :has() and friends that happy-dom does not parse.
const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

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

/** A promise that settles after `ms` milliseconds, for pages whose scripts answer after a delay. */
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Checks that a saved page (opened with its scripts) reads as not followed, and as followed with no control left
 * once the control `read` returned is pressed: the page behaves like the site.
 */
export async function expectPressToFollow(
  doc: Document,
  read: (doc: Document) => ProfileReading | undefined,
): Promise<void> {
  const reading = read(doc);
  expect(reading?.state).toBe('not-following');
  reading?.followControl?.click();
  await vi.waitFor(() => expect(read(doc)?.state).toBe('following'), { timeout: 2000 });
  expect(read(doc)?.followControl ?? null).toBeNull();
}
