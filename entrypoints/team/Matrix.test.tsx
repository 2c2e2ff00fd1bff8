// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allByTestId, byTestId, type Mounted, mount } from '../../tests/helpers/mount';
import { Matrix } from './Matrix';
import { buildMatrix } from './matrix';
import { summarize } from './summary';
import { follow, member } from './team.cases';

let page: Mounted | undefined;
afterEach(() => {
  page?.unmount();
  page = undefined;
});

function team(count: number) {
  const members = Array.from({ length: count }, (_, i) =>
    member(`m${i}`, `Teammate ${i}`, { x: `t${i}`, github: `t${i}` }),
  );
  return buildMatrix(members, [follow('x:t0', 'not-following'), follow('x:t1', 'following')]);
}

async function draw(count: number, onAction = vi.fn()) {
  const rows = team(count);
  page = await mount(
    <Matrix
      rows={rows}
      summaries={summarize(rows)}
      pending={new Map()}
      now={Date.now()}
      onAction={onAction}
    />,
  );
  return { grid: byTestId(page.container, 'coverage-matrix'), onAction };
}

const focused = () => document.activeElement as HTMLElement;
const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    focused().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
const position = () => [focused().closest<HTMLElement>('[data-row]')?.dataset.row, focused().dataset.col];

describe('Matrix', () => {
  it('is a grid of teammates by network, with a header and the summary', async () => {
    const { grid } = await draw(3);
    expect(grid.getAttribute('role')).toBe('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    expect(grid.getAttribute('aria-colcount')).toBe('12');
    expect(grid.querySelectorAll('thead th[scope="col"]')).toHaveLength(12);
    expect(allByTestId(grid, 'matrix-summary')).toHaveLength(1);
    expect(allByTestId(grid, 'matrix-row').map((r) => r.dataset.member)).toEqual([
      'Teammate 0',
      'Teammate 1',
      'Teammate 2',
    ]);
  });

  it('renders only the rows near the viewport of 10,000', async () => {
    const { grid } = await draw(10_000);
    const rendered = allByTestId(grid, 'matrix-row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(grid.getAttribute('aria-rowcount')).toBe('10002');
  });

  it('counts every row while only the first are read, and leaves the space of the rest', async () => {
    const rows = team(5);
    page = await mount(
      <Matrix
        rows={rows}
        total={10_000}
        summaries={summarize(rows)}
        pending={new Map()}
        now={Date.now()}
        onAction={vi.fn()}
      />,
    );
    const grid = byTestId(page.container, 'coverage-matrix');
    expect(grid.getAttribute('aria-rowcount')).toBe('10002');
    expect(grid.getAttribute('aria-busy')).toBe('true');
    expect(allByTestId(grid, 'matrix-row')).toHaveLength(5);
    expect(grid.querySelector('tbody')?.style.height).toBe(`${10_000 * 76}px`);
    expect(byTestId(grid, 'matrix-summary').textContent).toContain('10,000 teammates');
    // The keys move among the rows read so far, so the Tab stop always exists.
    grid.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    await press('End', { ctrlKey: true });
    expect(position()).toEqual(['4', '11']);
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('has one Tab stop and moves it with the arrow keys, Home, End and Ctrl+End', async () => {
    const { grid } = await draw(10_000);
    const stops = [...grid.querySelectorAll<HTMLElement>('[tabindex="0"]')];
    expect(stops).toHaveLength(1);
    stops[0]?.focus();
    expect(position()).toEqual(['0', '0']);
    await press('ArrowRight');
    expect(position()).toEqual(['0', '1']);
    await press('ArrowDown');
    expect(position()).toEqual(['1', '1']);
    await press('End');
    expect(position()).toEqual(['1', '11']);
    await press('Home');
    expect(position()).toEqual(['1', '0']);
    await press('End', { ctrlKey: true });
    expect(position()).toEqual(['9999', '11']);
    expect(focused().closest<HTMLElement>('[data-row]')?.dataset.member).toBe('Teammate 9999');
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('presses the focused cell’s button on Enter', async () => {
    const { grid, onAction } = await draw(3);
    (grid.querySelector('[tabindex="0"]') as HTMLElement).focus();
    await press('ArrowRight');
    await press('Enter');
    expect(onAction).toHaveBeenCalledWith(
      'follow',
      expect.objectContaining({ site: 'x', handle: 't0' }),
      'Teammate 0',
    );
  });

  it('makes a clicked cell the active one', async () => {
    const { grid } = await draw(3);
    const cell = allByTestId(grid, 'matrix-cell').find(
      (c) => c.closest<HTMLElement>('[data-row="2"]') && c.dataset.site === 'github',
    );
    await act(() => cell?.focus());
    expect(cell?.tabIndex).toBe(0);
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });
});
