import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FixtureIndex } from '../../fixtures/types';
import { watchProfile } from '../../utils/content/profile-watch';
import type { ContentMessage } from '../../utils/messages';
import { pageReader, SITE_IDS, siteById } from '../../utils/sites/index';
import { fixtureHtml, pageFrom } from '../helpers/fixture-dom';

// TeamFollow never presses for the user (DESIGN, principle 5): on every saved page, watching the profile of a
// teammate and pointing at the site's control dispatch no event and call no click or submit on the page.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const pages = SITE_IDS.filter((site) => readdirSync(FIXTURES).includes(site)).flatMap((site) => {
  const index: FixtureIndex = JSON.parse(readFileSync(resolve(FIXTURES, site, 'index.json'), 'utf8'));
  return index.profiles.map(({ file, url }) => ({ site, file, url }));
});

describe.each(pages)('$site/$file', ({ site, file, url }) => {
  it('gets no scripted event or press from TeamFollow, even when it points at the control', async () => {
    const doc = pageFrom(fixtureHtml(site, file), { url });
    const view = doc.defaultView as Window & typeof globalThis;
    const presses: string[] = [];
    const record = (what: string) => () => void presses.push(what);
    vi.spyOn(view.HTMLElement.prototype, 'click').mockImplementation(record('click()'));
    vi.spyOn(view.EventTarget.prototype, 'dispatchEvent').mockImplementation((event) => {
      presses.push(`dispatchEvent(${event.type})`);
      return true;
    });
    vi.spyOn(view.HTMLFormElement.prototype, 'submit').mockImplementation(record('submit()'));
    vi.spyOn(view.HTMLFormElement.prototype, 'requestSubmit').mockImplementation(record('requestSubmit()'));
    const controller = new AbortController();
    const ask = async (message: ContentMessage) =>
      message.type === 'lookup'
        ? { ok: true, member: { id: 'm1', name: 'Alice Example' }, follow: null, intent: 'follow' }
        : { ok: true, recorded: true };
    const watch = await watchProfile({
      adapter: siteById(site),
      reader: pageReader(site),
      doc,
      url,
      parse: { mastodonHosts: [new URL(url).hostname] },
      ask,
      render: () => undefined,
      signal: controller.signal,
      settleMs: 50,
    });
    watch?.showFollowControl();
    await new Promise((done) => setTimeout(done, 60));
    controller.abort();
    expect(presses).toEqual([]);
  });
});
