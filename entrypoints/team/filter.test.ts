import { describe, expect, it } from 'vitest';
import { filterMatrix, isFiltered, NO_TEAM_FILTERS, type TeamFilters, teamsOf } from './filter';
import { buildMatrix } from './matrix';
import { FOLLOWS, TEAM } from './team.cases';

const rows = buildMatrix(TEAM, FOLLOWS);
const names = (filters: Partial<TeamFilters>) =>
  filterMatrix(rows, { ...NO_TEAM_FILTERS, ...filters }).map((row) => row.name);

describe('filterMatrix', () => {
  it('keeps everyone without filters', () => {
    expect(filterMatrix(rows, NO_TEAM_FILTERS)).toBe(rows);
    expect(isFiltered(NO_TEAM_FILTERS)).toBe(false);
  });

  it.each([
    [{ team: 'Design' }, ['Bruno']],
    [{ site: 'github' as const }, ['Ada', 'Bruno']],
    [{ site: 'mastodon' as const }, ['Cleo']],
    [{ query: 'platform' }, ['Ada']],
    [{ query: '@CLEO@mastodon' }, ['Cleo']],
    [{ query: 'ada bsky' }, ['Ada']],
    [{ query: 'ada bruno' }, []],
    [{ notFollowingBack: true }, ['Ada']],
    [{ notFollowingBack: true, site: 'x' as const }, []],
    [{ notFollowingBack: true, site: 'bluesky' as const }, ['Ada']],
  ])('%o keeps %o', (filters, expected) => {
    expect(names(filters)).toEqual(expected);
    expect(isFiltered({ ...NO_TEAM_FILTERS, ...filters })).toBe(true);
  });
});

describe('teamsOf', () => {
  it('lists each team once, sorted', () => {
    expect(teamsOf(rows)).toEqual(['Design', 'Platform']);
  });
});
