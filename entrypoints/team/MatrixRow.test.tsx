// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { allByTestId, byTestId, type Mounted, mount } from '../../tests/helpers/mount';
import { SITE_IDS } from '../../utils/sites/index';
import { MatrixRow } from './MatrixRow';
import { buildMatrix } from './matrix';
import { FOLLOWS, TEAM } from './team.cases';
import { ROW_HEIGHT } from './windowing';

let page: Mounted | undefined;
afterEach(() => page?.unmount());

it('holds the name and team and one cell per network, placed at its offset', async () => {
  const row = buildMatrix(TEAM, FOLLOWS)[0];
  if (!row) throw new Error('no row');
  page = await mount(
    <table>
      <tbody>
        <MatrixRow
          row={row}
          index={3}
          headRows={2}
          activeCol={2}
          pending={new Map()}
          now={Date.now()}
          onAction={vi.fn()}
        />
      </tbody>
    </table>,
  );
  const el = byTestId(page.container, 'matrix-row');
  expect(el.dataset.member).toBe('Ada');
  expect(el.getAttribute('aria-rowindex')).toBe('6');
  expect(el.style.transform).toBe(`translateY(${3 * ROW_HEIGHT}px)`);
  expect(el.querySelector('th')?.textContent).toBe('AdaPlatform');
  const cells = allByTestId(el, 'matrix-cell');
  expect(cells.map((c) => c.dataset.site)).toEqual([...SITE_IDS]);
  expect(cells.map((c) => c.tabIndex).filter((t) => t === 0)).toHaveLength(1);
  expect(cells[1]?.tabIndex).toBe(0);
  expect((el.querySelector('th') as HTMLElement).tabIndex).toBe(-1);
});
