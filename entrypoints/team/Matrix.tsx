import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SiteIcon } from '../../components/SiteIcon';
import { t } from '../../utils/i18n/index';
import { SITE_IDS, siteById } from '../../utils/sites/index';
import { clampPosition, type GridPosition, moveInGrid } from './grid-keys';
import { MatrixRow } from './MatrixRow';
import type { MatrixCell as Cell, MatrixRow as Row } from './matrix';
import { SummaryRow } from './SummaryRow';
import type { NetworkSummary } from './summary';
import type { CellAction, Pending } from './use-cell-actions';
import { ROW_HEIGHT, rowWindow, scrollToRow } from './windowing';

interface MatrixProps {
  rows: readonly Row[];
  /** How many rows the grid has when only the first `rows` are read yet (the rest follow); `rows.length` if absent. */
  total?: number;
  summaries: readonly NetworkSummary[];
  pending: ReadonlyMap<string, Pending>;
  now: number;
  onAction(type: CellAction, cell: Cell, name: string): void;
}

const COLS = SITE_IDS.length + 1;
// Header and summary sit above the body rows (aria-rowindex counts them).
const HEAD_ROWS = 2;
// Rows rendered beyond the viewport each way, so quick scrolls and Page Down find rows ready.
const OVERSCAN = 8;
// Without layout (tests, the first frame) assume a tall window.
const FALLBACK_VIEWPORT = 900;

/**
 * The coverage matrix as an ARIA grid: a header of networks, the summary row, and one row per teammate, windowed
 * (only rows near the viewport are in the DOM). One cell is in the Tab order; the arrow keys move it.
 */
export function Matrix({ rows, total, summaries, pending, now, onAction }: MatrixProps) {
  const count = total ?? rows.length;
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  // Unmeasured (the first frame): no overscan, so the first paint builds only rows that can be on screen.
  const [view, setView] = useState({ top: 0, height: FALLBACK_VIEWPORT, measured: false });
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  // Set by a key press: the active cell takes the focus once it is rendered.
  const focusWanted = useRef(false);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = el.scrollTop;
      const height = (el.clientHeight || FALLBACK_VIEWPORT) - (head.current?.offsetHeight ?? 0);
      setView((old) =>
        old.measured && old.top === top && old.height === height ? old : { top, height, measured: true },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // Measured in the next frame, never synchronously: a forced layout would delay the first paint.
    schedule();
    el.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      el.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, []);

  // Fewer rows (a filter, new data): the active cell stays inside the grid.
  // The keys move among the rows read so far: the active cell always exists.
  const at = rows.length ? clampPosition(active, rows.length, COLS) : null;

  useLayoutEffect(() => {
    if (!focusWanted.current || !at) return;
    focusWanted.current = false;
    scroller.current
      ?.querySelector<HTMLElement>(`[data-row="${at.row}"] [data-col="${at.col}"]`)
      ?.focus({ preventScroll: true });
  });

  const { start, end } = rowWindow(view.top, view.height, count, view.measured ? OVERSCAN : 0);
  const indices: number[] = [];
  // The active row is always rendered, so the Tab stop exists wherever the grid is scrolled.
  if (at && (at.row < start || at.row >= end)) indices.push(at.row);
  for (let i = start; i < end; i++) indices.push(i);
  // Rows not read yet stay empty space of their height until they are.
  const ready = indices.filter((index) => index < rows.length);

  // A mark for measuring time to first render (bench, README): once, when rows first reach the DOM.
  const hasRows = ready.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName('teamfollow:matrix-rendered').length === 0)
      performance.mark('teamfollow:matrix-rendered');
  }, [hasRows]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-col]');
    if (!at || !cell) return;
    // On the cell itself, Enter and Space press its button (TeamFollow's own, never a site's); on the button, the
    // browser does.
    if ((event.key === 'Enter' || event.key === ' ') && target === cell) {
      const button = cell.querySelector<HTMLButtonElement>('button:not(:disabled)');
      if (button) {
        event.preventDefault();
        button.click();
      }
    }
    if (event.key === 'Enter' || event.key === ' ') return;
    const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
    const next = moveInGrid(at, event, rows.length, COLS, page);
    if (!next) return;
    event.preventDefault();
    const el = scroller.current;
    if (el) {
      const top = scrollToRow(next.row, el.scrollTop, view.height);
      if (top !== el.scrollTop) el.scrollTop = top;
    }
    focusWanted.current = true;
    setActive(next);
  };

  // A click or Tab into a cell makes it the active one.
  const onFocusIn = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row]');
    if (!cell || !row) return;
    const next = { row: Number(row.dataset.row), col: Number(cell.dataset.col) };
    if (next.row !== at?.row || next.col !== at?.col) setActive(next);
  };

  return (
    <div class="matrix-scroller" ref={scroller}>
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG grid pattern, a table the arrow keys move in.
        role="grid"
        class="matrix"
        data-testid="coverage-matrix"
        aria-label={t('team_matrix')}
        aria-rowcount={count + HEAD_ROWS}
        aria-busy={count > rows.length ? 'true' : undefined}
        aria-colcount={COLS}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        <thead class="matrix-head" ref={head}>
          <tr class="matrix-header" aria-rowindex={1}>
            <th scope="col" class="name-cell" aria-colindex={1}>
              {t('team_matrix_teammate')}
            </th>
            {SITE_IDS.map((site, i) => (
              <th key={site} scope="col" class="site-header" data-site={site} aria-colindex={i + 2}>
                <SiteIcon site={site} /> {siteById(site).name}
              </th>
            ))}
          </tr>
          <SummaryRow summaries={summaries} shown={count} />
        </thead>
        <tbody class="matrix-body" style={{ height: `${count * ROW_HEIGHT}px` }}>
          {ready.map((index) => {
            const row = rows[index] as Row;
            return (
              <MatrixRow
                key={row.id}
                row={row}
                index={index}
                headRows={HEAD_ROWS}
                activeCol={at && at.row === index ? at.col : null}
                pending={pending}
                now={now}
                onAction={onAction}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
