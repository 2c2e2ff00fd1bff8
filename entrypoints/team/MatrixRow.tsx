import { accountKey } from '../../utils/model';
import { siteById } from '../../utils/sites/index';
import { MatrixCell } from './MatrixCell';
import type { MatrixCell as Cell, MatrixRow as Row } from './matrix';
import type { CellAction, Pending } from './use-cell-actions';
import { ROW_HEIGHT } from './windowing';

interface MatrixRowProps {
  row: Row;
  /** Index among the shown rows. */
  index: number;
  /** Rows above the body (header and summary), for aria-rowindex. */
  headRows: number;
  /** The active column when this row holds the grid's active cell, else null. */
  activeCol: number | null;
  pending: ReadonlyMap<string, Pending>;
  now: number;
  onAction(type: CellAction, cell: Cell, name: string): void;
}

/** One teammate: their name (the row header) and one cell per network, placed at its offset in the window. */
export function MatrixRow({ row, index, headRows, activeCol, pending, now, onAction }: MatrixRowProps) {
  return (
    <tr
      class="matrix-row"
      data-testid="matrix-row"
      data-member={row.name}
      data-row={index}
      aria-rowindex={headRows + index + 1}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      <th scope="row" class="name-cell" data-col={0} aria-colindex={1} tabIndex={activeCol === 0 ? 0 : -1}>
        <span class="member-name">{row.name}</span>
        {row.team && <span class="member-team">{row.team}</span>}
      </th>
      {row.cells.map((cell, i) => (
        <MatrixCell
          key={cell.site}
          cell={cell}
          name={row.name}
          siteName={siteById(cell.site).name}
          col={i + 1}
          active={activeCol === i + 1}
          pending={cell.handle ? pending.get(accountKey(cell.site, cell.handle)) : undefined}
          now={now}
          onAction={onAction}
        />
      ))}
    </tr>
  );
}
