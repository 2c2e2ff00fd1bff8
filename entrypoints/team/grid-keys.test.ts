import { describe, expect, it } from 'vitest';
import { clampPosition, moveInGrid } from './grid-keys';

const at = { row: 5, col: 3 };
const move = (key: string, mods: { ctrlKey?: boolean } = {}) => moveInGrid(at, { key, ...mods }, 10, 12, 4);

describe('moveInGrid', () => {
  it.each([
    ['ArrowRight', { row: 5, col: 4 }],
    ['ArrowLeft', { row: 5, col: 2 }],
    ['ArrowDown', { row: 6, col: 3 }],
    ['ArrowUp', { row: 4, col: 3 }],
    ['Home', { row: 5, col: 0 }],
    ['End', { row: 5, col: 11 }],
    ['PageDown', { row: 9, col: 3 }],
    ['PageUp', { row: 1, col: 3 }],
  ])('%s moves to %o', (key, expected) => {
    expect(move(key)).toEqual(expected);
  });

  it('Ctrl+Home and Ctrl+End go to the grid’s corners', () => {
    expect(move('Home', { ctrlKey: true })).toEqual({ row: 0, col: 0 });
    expect(move('End', { ctrlKey: true })).toEqual({ row: 9, col: 11 });
  });

  it('stops at the edges', () => {
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowUp' }, 10, 12, 4)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 9, col: 11 }, { key: 'ArrowRight' }, 10, 12, 4)).toEqual({ row: 9, col: 11 });
    expect(moveInGrid({ row: 8, col: 0 }, { key: 'PageDown' }, 10, 12, 4)).toEqual({ row: 9, col: 0 });
  });

  it('leaves other keys to the browser, and an empty grid alone', () => {
    expect(move('a')).toBeNull();
    expect(move('Tab')).toBeNull();
    expect(moveInGrid(at, { key: 'ArrowDown' }, 0, 12, 4)).toBeNull();
  });
});

it('clampPosition keeps a position inside a smaller grid', () => {
  expect(clampPosition({ row: 50, col: 3 }, 10, 12)).toEqual({ row: 9, col: 3 });
});
