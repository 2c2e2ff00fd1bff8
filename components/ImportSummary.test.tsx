// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { allByTestId, byTestId, click, type Mounted, mount } from '../tests/helpers/mount';
import type { ImportSummary, RosterProblem } from '../utils/roster/types';
import { ImportSummaryPanel, summarySentence } from './ImportSummary';

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return { imported: 10, added: 3, merged: 7, rejected: 0, problems: [], ...overrides };
}

const badCell: RosterProblem = {
  line: 4,
  column: 'x',
  value: '<img src=x onerror=alert(1)>',
  reason: 'not a valid X handle',
  kind: 'cell',
};

describe('summarySentence', () => {
  it('counts teammates and problems, singular and plural', () => {
    expect(summarySentence(summary({ rejected: 2 }))).toBe(
      'Imported 10 teammates (3 new, 7 merged); 2 problems.',
    );
    expect(summarySentence(summary({ imported: 1, added: 1, merged: 0, rejected: 1 }))).toBe(
      'Imported 1 teammate (1 new, 0 merged); 1 problem.',
    );
    expect(summarySentence(summary())).toBe('Imported 10 teammates (3 new, 7 merged); no problems.');
  });
});

describe('ImportSummaryPanel', () => {
  it('exposes the counts as attributes and lists each problem as text', async () => {
    mounted = await mount(
      <ImportSummaryPanel
        outcome={{ kind: 'done', source: 'team.csv', summary: summary({ rejected: 1, problems: [badCell] }) }}
      />,
    );
    const panel = byTestId(mounted.container, 'import-summary');
    expect(panel.dataset.imported).toBe('10');
    expect(panel.dataset.rejected).toBe('1');
    expect(panel.getAttribute('role')).toBe('status');
    expect(panel.textContent).toContain('team.csv: Imported 10 teammates (3 new, 7 merged); 1 problem.');
    const [problem] = allByTestId(mounted.container, 'import-problem');
    expect(problem?.textContent).toContain('Line 4, column x');
    expect(problem?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(problem?.textContent).toContain('not a valid X handle');
    // The value is text, never markup.
    expect(mounted.container.querySelector('img')).toBeNull();
  });

  it('truncates long values and shows the first 100 problems until asked for all', async () => {
    const problems = Array.from({ length: 150 }, (_, i) => ({
      ...badCell,
      line: i + 2,
      value: 'v'.repeat(500),
    }));
    mounted = await mount(
      <ImportSummaryPanel outcome={{ kind: 'done', summary: summary({ rejected: 150, problems }) }} />,
    );
    const shown = allByTestId(mounted.container, 'import-problem');
    expect(shown).toHaveLength(100);
    expect(shown[0]?.querySelector('code')?.textContent?.length).toBeLessThanOrEqual(60);
    const showAll = [...mounted.container.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Show all'),
    );
    await click(showAll ?? null);
    expect(allByTestId(mounted.container, 'import-problem')).toHaveLength(150);
  });

  it('names joiners, leavers and teammates matched by name alone, and offers to remove the leavers', async () => {
    const removed: string[][] = [];
    mounted = await mount(
      <ImportSummaryPanel
        outcome={{
          kind: 'done',
          summary: summary({
            joiners: ['Eve'],
            matchedByName: ['Cy'],
            leavers: [
              { id: 'b', name: 'Bo' },
              { id: 'd', name: 'Dee' },
            ],
          }),
        }}
        onRemoveLeavers={async (ids) => {
          removed.push(ids);
        }}
      />,
    );
    const panel = byTestId(mounted.container, 'import-summary');
    expect(panel.dataset.leavers).toBe('2');
    expect(byTestId(mounted.container, 'import-joiners').textContent).toBe('New on the roster: Eve.');
    expect(byTestId(mounted.container, 'import-by-name').textContent).toContain('name and team alone');
    expect(allByTestId(mounted.container, 'leaver').map((li) => li.textContent)).toEqual(['Bo', 'Dee']);
    expect(removed).toEqual([]);
    await click(byTestId(mounted.container, 'remove-leavers'));
    expect(removed).toEqual([['b', 'd']]);
    expect(panel.dataset.leavers).toBe('0');
  });

  it('counts no leavers and offers no removal when the file lists everyone', async () => {
    mounted = await mount(
      <ImportSummaryPanel outcome={{ kind: 'done', summary: summary({ leavers: [] }) }} />,
    );
    expect(byTestId(mounted.container, 'import-summary').dataset.leavers).toBe('0');
    expect(mounted.container.querySelector('[data-testid="remove-leavers"]')).toBeNull();
  });

  it('shows a whole-file error as an alert counting one rejection and nothing imported', async () => {
    mounted = await mount(
      <ImportSummaryPanel outcome={{ kind: 'failed', message: 'team.json is not valid JSON.' }} />,
    );
    const panel = byTestId(mounted.container, 'import-summary');
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.dataset.imported).toBe('0');
    expect(panel.dataset.rejected).toBe('1');
    expect(panel.textContent).toContain('team.json is not valid JSON.');
  });
});
