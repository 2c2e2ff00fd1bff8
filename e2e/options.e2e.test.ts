import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chooseRosterFile, type ExtensionBrowser, launchExtension, openOptions, resetData } from './harness';

const EXAMPLE_ROSTER = resolve(import.meta.dirname, '../examples/roster.csv');

let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

beforeEach(async () => {
  // Each test starts from an empty roster.
  await resetData(ext);
  page = await openOptions(ext);
});
afterEach(async () => {
  await page?.close();
});

const importFile = (name: string, content: string | Buffer) => chooseRosterFile(page, name, content);

async function rosterNames(): Promise<string[]> {
  const rows = page.locator('[data-testid="roster-row"]');
  const names = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('td, th')?.textContent?.trim() ?? ''),
  );
  return names.sort();
}

describe('options page', () => {
  it('imports the example roster through the file input', async () => {
    const summary = await importFile('roster.csv', await readFile(EXAMPLE_ROSTER));
    await expect.poll(() => summary.getAttribute('data-imported')).toBe('10');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(10);
    expect(await page.locator('[data-testid="roster-count"]').textContent()).toContain('10');
  });

  it('lands the good rows of a bad file and lists every problem with its reason', async () => {
    const csv = [
      'name,team,email,github,x',
      'Good One,Alpha,good@example.com,good-one,goodone',
      ',Beta,,nameless,',
      'Bad Cells,Gamma,not-an-email,-bad-,this_handle_is_far_too_long_for_x',
      'Mixed Bag,Delta,,mixed,javascript:alert(1)',
      '"<img src=x onerror=alert(1)>",=1+1,,html-name,',
    ].join('\r\n');
    const summary = await importFile('bad.csv', csv);
    await expect.poll(() => summary.getAttribute('data-imported')).toBe('4');
    // One refused row (no name) plus four invalid cells (email, github, x, x).
    expect(await summary.getAttribute('data-rejected')).toBe('5');
    const problems = summary.locator('[data-testid="import-problem"]');
    expect(await problems.count()).toBe(5);
    const text = (await problems.allTextContents()).join('\n');
    expect(text).toMatch(/name/i);
    expect(text).toContain('-bad-');
    expect(text).toContain('javascript:alert(1)');
    expect(await rosterNames()).toEqual(
      ['<img src=x onerror=alert(1)>', 'Bad Cells', 'Good One', 'Mixed Bag'].sort(),
    );
    // The hostile name is text, not markup.
    expect(await page.locator('[data-testid="roster-row"] img').count()).toBe(0);
  });

  it('exports JSON that re-imports to the same roster', async () => {
    await importFile('roster.csv', await readFile(EXAMPLE_ROSTER));
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(10);
    const before = await page.locator('[data-testid="roster-row"]').allTextContents();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-json"]'),
    ]);
    const exported = await readFile((await download.path()) as string);

    await page.click('[data-testid="delete-all"]');
    await page.click('[data-testid="delete-all-confirm"]');
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(0);

    const summary = await importFile('teamfollow-roster.json', exported);
    await expect.poll(() => summary.getAttribute('data-imported')).toBe('10');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    const after = await page.locator('[data-testid="roster-row"]').allTextContents();
    expect(after.sort()).toEqual(before.sort());
  });
  it('counts two leavers when a re-import lacks two rows, removes nobody, and removes them on the click', async () => {
    const rows = [
      'Ada Quill,ada@example.com',
      'Bo Fenwick,bo@example.com',
      'Cy Berg,',
      'Dee Ong,dee@example.com',
    ];
    const first = await importFile('team.csv', ['name,email', ...rows].join('\n'));
    await expect.poll(() => first.getAttribute('data-imported')).toBe('4');
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(4);

    const summary = await importFile(
      'team.csv',
      ['name,email', rows[0], rows[3], 'Eve New,eve@example.com'].join('\n'),
    );
    await expect.poll(() => summary.getAttribute('data-leavers')).toBe('2');
    expect(await summary.getAttribute('data-imported')).toBe('3');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    expect(await summary.locator('[data-testid="leaver"]').allTextContents()).toEqual([
      'Bo Fenwick',
      'Cy Berg',
    ]);
    expect(await summary.locator('[data-testid="import-joiners"]').textContent()).toContain('Eve New');
    await expect.poll(() => page.locator('[data-testid="roster-row"]').count()).toBe(5);

    await summary.locator('[data-testid="remove-leavers"]').click();
    await expect.poll(() => summary.getAttribute('data-leavers')).toBe('0');
    await expect.poll(() => rosterNames()).toEqual(['Ada Quill', 'Dee Ong', 'Eve New']);
  });

  it('lands German Excel (Windows-1252) and Japanese Excel (Shift_JIS) rosters with the right names', async () => {
    const german = Buffer.from('Name;Team;E-Mail\r\nJürgen Müller;Köln;j@example.com\r\n', 'latin1');
    const summary = await importFile('mitarbeiter.csv', german);
    await expect.poll(() => summary.getAttribute('data-imported')).toBe('1');
    // 山田太郎 (Yamada Taro) in Shift_JIS.
    const japanese = Buffer.concat([
      Buffer.from('name,x\r\n'),
      Buffer.from([0x8e, 0x52, 0x93, 0x63, 0x91, 0xbe, 0x98, 0x59]),
      Buffer.from(',yamada\r\n'),
    ]);
    const again = await importFile('team-sjis.csv', japanese);
    await expect.poll(() => again.textContent()).toContain('Read as Shift_JIS text.');
    await expect.poll(() => rosterNames()).toEqual(['Jürgen Müller', '山田太郎']);
  });
});
