// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLanguage } from '../../tests/helpers/i18n';
import { byTestId, click, type Mounted, mount, typeInto, waitFor } from '../../tests/helpers/mount';
import { closeDb } from '../../utils/db';
import type { Member } from '../../utils/model';
import { ImportCard } from './ImportCard';
import { RosterSection } from './RosterSection';

// The options page in German and Japanese: sentences, plural forms and numbers all in the one language.

let page: Mounted;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(async () => {
  page?.unmount();
  await closeDb();
  useLanguage('en');
});

function team(count: number): Member[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Person ${String(i).padStart(5, '0')}`,
    accounts: [],
    accountKeys: [],
  }));
}

async function rosterOf(count: number): Promise<HTMLElement> {
  page = await mount(
    <RosterSection roster={{ members: team(count), loadError: '', reload: async () => {} }} />,
  );
  return page.container;
}

async function pasteImport(text: string): Promise<HTMLElement> {
  page = await mount(<ImportCard onImported={async () => {}} resets={0} />);
  const root = page.container;
  await typeInto(byTestId(root, 'roster-paste'), text);
  await click(byTestId(root, 'roster-paste-import'));
  return waitFor(() => root.querySelector<HTMLElement>('[data-testid="import-summary"]'));
}

describe('in German', () => {
  beforeEach(() => useLanguage('de'));

  it('counts the team with the German plural and the German thousands separator', async () => {
    const root = await rosterOf(10_000);
    const heading = root.querySelector('#roster-heading')?.textContent;
    expect(heading).toBe('Dein Team (10.000 Teammitglieder)');
    expect(byTestId(root, 'roster-count').textContent).toBe('10.000');
    expect(byTestId(root, 'roster-shown').textContent).toContain('100 von 10.000 angezeigt');
    expect(byTestId(root, 'show-more').textContent).toBe('100 weitere zeigen');
  });

  it('says one teammate in the singular', async () => {
    const root = await rosterOf(1);
    expect(root.querySelector('#roster-heading')?.textContent).toBe('Dein Team (1 Teammitglied)');
    expect(byTestId(root, 'edit-member').getAttribute('aria-label')).toBe('Person 00000 bearbeiten');
  });

  it('explains a file without a name column in German', async () => {
    const refused = await pasteImport('team,github\nPlatform,adaquill\n');
    expect(refused.textContent).toContain('Die Datei hat keine Spalte „name“.');
  });
});

describe('in Japanese', () => {
  beforeEach(() => useLanguage('ja'));

  it('counts the team in Japanese, with its one plural form', async () => {
    const root = await rosterOf(10_000);
    expect(root.querySelector('#roster-heading')?.textContent).toBe('あなたのチーム （10,000 人）');
    expect(byTestId(root, 'roster-shown').textContent).toContain('10,000 件中 100 件を表示');
    const one = await rosterOf(1);
    expect(one.querySelector('#roster-heading')?.textContent).toContain('（1 人）');
  });

  it('explains a file without a name column in Japanese', async () => {
    const refused = await pasteImport('team,github\nPlatform,adaquill\n');
    expect(refused.textContent).toContain('このファイルに「name」列がありません。');
  });
});
