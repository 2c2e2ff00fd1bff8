// Where a key moves the focus in the grid (APG grid pattern): arrows, Home/End, Ctrl+Home/End, Page Up/Down. Pure.

/** A cell of the grid's body: row index among the shown rows, column index (0 is the teammate's name). */
export interface GridPosition {
  row: number;
  col: number;
}

interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The position `key` moves to from `at` in a grid of `rows` × `cols`, `page` rows per Page Up/Down;
 * null when the key is not a grid key (so the browser keeps it).
 */
export function moveInGrid(
  at: GridPosition,
  key: GridKey,
  rows: number,
  cols: number,
  page: number,
): GridPosition | null {
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (row: number, col: number) => ({
    row: Math.min(rows - 1, Math.max(0, row)),
    col: Math.min(cols - 1, Math.max(0, col)),
  });
  const wholeGrid = key.ctrlKey || key.metaKey;
  switch (key.key) {
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'Home':
      return wholeGrid ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return wholeGrid ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    case 'PageDown':
      return clamp(at.row + Math.max(1, page), at.col);
    case 'PageUp':
      return clamp(at.row - Math.max(1, page), at.col);
    default:
      return null;
  }
}

/** The position kept inside a grid that shrank (filters, new data). */
export function clampPosition(at: GridPosition, rows: number, cols: number): GridPosition {
  return { row: Math.max(0, Math.min(rows - 1, at.row)), col: Math.max(0, Math.min(cols - 1, at.col)) };
}
