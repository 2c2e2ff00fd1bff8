import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT, rowWindow, scrollToRow } from './windowing';

describe('rowWindow', () => {
  it('covers the viewport plus the overscan, inside the list', () => {
    expect(rowWindow(0, 10 * ROW_HEIGHT, 10_000, 5)).toEqual({ start: 0, end: 15 });
    expect(rowWindow(100 * ROW_HEIGHT + 10, 10 * ROW_HEIGHT, 10_000, 5)).toEqual({ start: 95, end: 116 });
    expect(rowWindow(9_995 * ROW_HEIGHT, 10 * ROW_HEIGHT, 10_000, 5)).toEqual({ start: 9_990, end: 10_000 });
  });

  it('is empty for an empty list and safe past the end', () => {
    expect(rowWindow(0, 500, 0, 5)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(1e9, 500, 3, 5)).toEqual({ start: 3, end: 3 });
    expect(rowWindow(-50, 500, 3, 5)).toEqual({ start: 0, end: 3 });
  });
});

describe('scrollToRow', () => {
  const viewport = 10 * ROW_HEIGHT;
  it('scrolls only when the row is out of view', () => {
    expect(scrollToRow(5, 0, viewport)).toBe(0);
    expect(scrollToRow(10, 0, viewport)).toBe(ROW_HEIGHT);
    expect(scrollToRow(3, 20 * ROW_HEIGHT, viewport)).toBe(3 * ROW_HEIGHT);
  });
});
