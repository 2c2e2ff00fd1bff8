import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseRosterFile, type ExtensionBrowser, launchExtension, openOptions } from './harness';

// The options page in the browser's language, from the built _locales: the document's lang, its title, headings,
// plural forms and an import error.

const EXAMPLE_ROSTER = resolve(import.meta.dirname, '../examples/roster.csv');

let ext: ExtensionBrowser | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const cases = [
  {
    lang: 'de',
    title: 'TeamFollow · Teamliste',
    importHeading: 'Teamliste importieren',
    rosterHeading: 'Dein Team (10 Teammitglieder)',
    noName: 'hat keine Spalte „name“',
  },
  {
    lang: 'ja',
    title: 'TeamFollow · チーム名簿',
    importHeading: '名簿をインポート',
    rosterHeading: 'あなたのチーム （10 人）',
    noName: '「name」列がありません',
  },
];

describe.each(cases)('options page with --lang=$lang', (expected) => {
  it('speaks the language: lang, title, headings, a plural, an import error', async () => {
    ext = await launchExtension([`--lang=${expected.lang}`]);
    const page = await openOptions(ext);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
    expect(await page.title()).toBe(expected.title);
    expect(await page.locator('#import-heading').textContent()).toBe(expected.importHeading);

    await chooseRosterFile(page, 'roster.csv', await readFile(EXAMPLE_ROSTER));
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(10);
    expect(await page.locator('#roster-heading').textContent()).toBe(expected.rosterHeading);

    const refused = await chooseRosterFile(page, 'team.csv', 'team,github\nPlatform,adaquill\n');
    await expect.poll(() => refused.textContent()).toContain(expected.noName);
  });
});
