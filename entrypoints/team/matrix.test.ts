import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../utils/sites/index';
import { buildMatrix } from './matrix';
import { FOLLOWS, follow, member, TEAM } from './team.cases';

describe('buildMatrix', () => {
  const rows = buildMatrix(TEAM, FOLLOWS);
  const cell = (name: string, site: string) =>
    rows.find((row) => row.name === name)?.cells.find((c) => c.site === site);

  it('gives every teammate one cell per network, in SITE_IDS order', () => {
    expect(rows.map((row) => row.name)).toEqual(['Ada', 'Bruno', 'Cleo']);
    for (const row of rows) expect(row.cells.map((c) => c.site)).toEqual([...SITE_IDS]);
  });

  it('shows recorded states, unknown without evidence, none without an account', () => {
    expect(cell('Ada', 'x')?.state).toBe('not-following');
    expect(cell('Ada', 'github')?.state).toBe('following');
    expect(cell('Bruno', 'x')?.state).toBe('requested');
    expect(cell('Cleo', 'mastodon')).toMatchObject({ state: 'unknown', handle: 'cleo@mastodon.social' });
    expect(cell('Cleo', 'mastodon')?.checkedAt).toBeUndefined();
    expect(cell('Cleo', 'github')).toEqual({ site: 'github', state: 'none', followsYou: 'unknown' });
  });

  it('shows the user’s own account as following (the hook has no self state)', () => {
    expect(cell('Cleo', 'x')?.state).toBe('following');
  });

  it('says whether they follow you only where it was recorded', () => {
    expect(cell('Ada', 'x')?.followsYou).toBe('true');
    expect(cell('Ada', 'bluesky')?.followsYou).toBe('false');
    expect(cell('Bruno', 'github')?.followsYou).toBe('unknown');
  });

  it('keeps when and how each state was seen', () => {
    const rows = buildMatrix([member('a', 'Ada', { x: 'ada' })], [follow('x:ada', 'following', {}, 1234)]);
    expect(rows[0]?.cells[0]).toMatchObject({ checkedAt: 1234, source: 'page' });
  });

  it('counts the gaps and keeps the team and search text', () => {
    expect(rows.map((row) => row.gaps)).toEqual([2, 1, 0]);
    expect(rows[0]).toMatchObject({ id: 'a', team: 'Platform' });
    expect(rows[0]?.search).toContain('ada.bsky.social');
    expect(rows[2]).not.toHaveProperty('team');
  });
});
