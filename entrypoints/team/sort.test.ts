import { expect, it } from 'vitest';
import { buildMatrix } from './matrix';
import { sortMatrix } from './sort';
import { follow, member } from './team.cases';

const rows = buildMatrix(
  [
    member('1', 'zoë', { x: 'zoe' }, 'Design'),
    member('2', 'Ádám', { x: 'adam', github: 'adam' }),
    member('3', 'Ben', { x: 'ben', github: 'ben' }, 'Data'),
    member('4', 'carl 10', { x: 'carl' }, 'Design'),
    member('5', 'carl 9', {}, 'Design'),
  ],
  [
    follow('x:adam', 'not-following'),
    follow('github:adam', 'not-following'),
    follow('x:zoe', 'not-following'),
  ],
);
const names = (sort: Parameters<typeof sortMatrix>[1]) => sortMatrix(rows, sort).map((row) => row.name);

it.each([
  ['name', ['Ádám', 'Ben', 'carl 9', 'carl 10', 'zoë']],
  ['team', ['Ben', 'carl 9', 'carl 10', 'zoë', 'Ádám']],
  ['gaps', ['Ádám', 'zoë', 'Ben', 'carl 9', 'carl 10']],
] as const)('sorts by %s', (sort, expected) => {
  expect(names(sort)).toEqual(expected);
});

it('leaves the input as it was', () => {
  sortMatrix(rows, 'gaps');
  expect(rows.map((row) => row.id)).toEqual(['1', '2', '3', '4', '5']);
});
