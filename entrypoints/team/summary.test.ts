import { expect, it } from 'vitest';
import { SITE_IDS } from '../../utils/sites/index';
import { buildMatrix } from './matrix';
import { summarize } from './summary';
import { FOLLOWS, TEAM } from './team.cases';

it('counts each network’s accounts by what is known, in SITE_IDS order', () => {
  const sums = summarize(buildMatrix(TEAM, FOLLOWS));
  expect(sums.map((s) => s.site)).toEqual([...SITE_IDS]);
  const of = (site: string) => sums.find((s) => s.site === site);
  expect(of('x')).toEqual({ site: 'x', followed: 1, requested: 1, notFollowed: 1, notChecked: 0, none: 0 });
  expect(of('github')).toEqual({
    site: 'github',
    followed: 1,
    requested: 0,
    notFollowed: 1,
    notChecked: 0,
    none: 1,
  });
  expect(of('mastodon')).toMatchObject({ notChecked: 1, none: 2 });
  expect(of('reddit')).toMatchObject({ followed: 0, none: 3 });
});

it('is all zeros for no teammates', () => {
  expect(summarize([]).every((s) => s.followed + s.notFollowed + s.notChecked + s.none === 0)).toBe(true);
});
