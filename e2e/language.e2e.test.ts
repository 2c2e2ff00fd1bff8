import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, importRoster, launchExtension, resetData } from './harness';
import { PopupPage } from './pages/popup';

// Chromium in another UI language serves TeamFollow's messages in it: the popup and the team view speak it, plurals
// and lists follow its rules, and the pages say their language.

const ROSTER = [
  'name,team,x,github',
  'Alice Example,Platform,alice_dev,octo-cat',
  'Bob Example,Design,bob_dev,',
].join('\n');

describe.each([
  {
    lang: 'de',
    tally: '2 Teammitglieder · 3 Konten',
    connect: 'GitHub verbinden und sofort prüfen',
    title: 'TeamFollow · Teamansicht',
    shown: '2 Teammitglieder',
  },
  {
    lang: 'ja',
    tally: 'メンバー 2 人 · 3 件のアカウント',
    connect: 'GitHub を接続してすぐに確認',
    title: 'TeamFollow · チーム表示',
    shown: 'メンバー 2 人',
  },
])('in $lang', ({ lang, tally, connect, title, shown }) => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchExtension([`--lang=${lang}`]);
    await resetData(ext);
    expect(await importRoster(ext, 'team.csv', ROSTER)).toEqual({ imported: 2, rejected: 0 });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the popup speaks the language and says so in <html lang>', async () => {
    const popup = await PopupPage.open(ext);
    expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await popup.page.locator('.tally').textContent()).toContain(tally);
    expect(await popup.page.locator('[data-testid="connect-apis"]').textContent()).toBe(connect);
    await popup.page.close();
  });

  it('the team view has its title and counts in the language', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('team.html'));
    await page.locator('[data-testid="shown-count"]').waitFor();
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.locator('[data-testid="shown-count"]').textContent()).toBe(shown);
    await page.close();
  });
});
