import { expect, it } from 'vitest';
import { teammates } from './teammates';

it.each([
  [0, 'teammates'],
  [1, 'teammate'],
  [2, 'teammates'],
  [undefined, 'teammates'],
])('says %j %s', (count, word) => {
  expect(teammates(count)).toBe(word);
});
