// Which rows of a fixed-height list are near the viewport: only those are in the DOM. Pure.

/** Every matrix row has this height in pixels (the stylesheet's `--row-height` is set from it). */
export const ROW_HEIGHT = 76;

/** The half-open range `[start, end)` of rows that meet the viewport, widened by `overscan` rows each way. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  overscan: number,
  rowHeight = ROW_HEIGHT,
): { start: number; end: number } {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  return { start, end: Math.max(start, Math.min(count, last + overscan)) };
}

/** The scroll position that brings row `index` fully into a viewport of this height (unchanged when it is). */
export function scrollToRow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight = ROW_HEIGHT,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}
