import { describe, expect, it } from 'vitest';
import type { AccountRow } from '../../utils/gaps';
import { filterRows, isFiltered, NO_FILTERS } from './row-filters';

const row = (handle: string, followsYou?: boolean): AccountRow => ({
  memberId: handle,
  name: handle,
  site: 'bluesky',
  handle,
  state: 'not-following',
  ...(followsYou === undefined ? {} : { followsYou }),
});

describe("doesn't follow me back", () => {
  const back = row('back.bsky.social', true);
  const notBack = row('notback.bsky.social', false);
  const unknown = row('unknown.bsky.social');

  it('keeps only rows recorded followsYou === false: unknown is not a no', () => {
    expect(filterRows([back, notBack, unknown], { ...NO_FILTERS, notFollowingBack: true })).toEqual([
      notBack,
    ]);
  });

  it('combines with the other filters and counts as a filter', () => {
    expect(
      filterRows([back, notBack], { ...NO_FILTERS, notFollowingBack: true, query: 'back', site: 'github' }),
    ).toEqual([]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, notFollowingBack: true })).toBe(true);
    expect(filterRows([back, notBack, unknown], NO_FILTERS)).toHaveLength(3);
  });
});
