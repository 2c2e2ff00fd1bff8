import { describe, expect, it } from 'vitest';
import type { AccountRow } from '../../utils/gaps';
import type { BulkRun } from '../../utils/settings';
import { SITE_IDS } from '../../utils/sites/index';
import {
  bulkStatusText,
  canCheckAll,
  canFollowAll,
  coverageLabel,
  describeKnowledge,
  formatCount,
} from './popup-words';
import { filterRows, NO_FILTERS, sitesOf, teamsOf } from './row-filters';
import { buildItems, ITEM_HEIGHT, itemKey, type ListItem, layout, visibleRange } from './windowing';

const row = (
  memberId: string,
  name: string,
  site: AccountRow['site'],
  handle: string,
  extra: Partial<AccountRow> = {},
) => ({ memberId, name, site, handle, state: 'not-following', ...extra }) satisfies AccountRow;

const ada = row('a', 'Ada Lovelace', 'x', 'ada', { team: 'Platform' });
const adaGh = row('a', 'Ada Lovelace', 'github', 'ada-l', { team: 'Platform' });
const bruno = row('b', 'Bruno', 'github', 'bruno', { team: 'Design' });
const cleo = row('c', 'Cléo', 'bluesky', 'cleo.bsky.social');
const rows = [ada, adaGh, bruno, cleo];

describe('filterRows', () => {
  it('returns everything without filters', () => {
    expect(filterRows(rows, NO_FILTERS)).toEqual(rows);
  });

  it('filters by team, by network, and both', () => {
    expect(filterRows(rows, { ...NO_FILTERS, team: 'Platform' })).toEqual([ada, adaGh]);
    expect(filterRows(rows, { ...NO_FILTERS, site: 'github' })).toEqual([adaGh, bruno]);
    expect(filterRows(rows, { team: 'Design', site: 'github', query: '' })).toEqual([bruno]);
  });

  it('searches name, handle and team, case-insensitively, every word, ignoring a leading @', () => {
    expect(filterRows(rows, { ...NO_FILTERS, query: 'LOVE' })).toEqual([ada, adaGh]);
    expect(filterRows(rows, { ...NO_FILTERS, query: '@ada-l' })).toEqual([adaGh]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'design' })).toEqual([bruno]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'ada platform' })).toEqual([ada, adaGh]);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'ada design' })).toEqual([]);
  });
});

describe('teamsOf and sitesOf', () => {
  it('lists distinct teams sorted and sites in registry order', () => {
    expect(teamsOf(rows, [row('d', 'Dee', 'x', 'dee', { team: 'Alpha' })])).toEqual([
      'Alpha',
      'Design',
      'Platform',
    ]);
    expect(sitesOf(rows)).toEqual(['x', 'github', 'bluesky']);
  });
});

const kinds = (items: ListItem[]) =>
  items.map((item) =>
    item.kind === 'row'
      ? `row:${item.row.site}:${item.row.handle}`
      : item.kind === 'group'
        ? `group:${item.label}`
        : item.kind,
  );

describe('buildItems', () => {
  it('groups by teammate: a header per person, then their accounts', () => {
    const items = buildItems(rows, [], 'teammate', { gaps: 4, unknown: 0 });
    expect(kinds(items)).toEqual([
      'section',
      'group:Ada Lovelace',
      'row:x:ada',
      'row:github:ada-l',
      'group:Bruno',
      'row:github:bruno',
      'group:Cléo',
      'row:bluesky:cleo.bsky.social',
    ]);
    expect(items[1]).toMatchObject({ team: 'Platform', count: 2 });
  });

  it('groups by network in registry order', () => {
    const items = buildItems(rows, [], 'network', { gaps: 4, unknown: 0 });
    expect(kinds(items)).toEqual([
      'section',
      'group:X',
      'row:x:ada',
      'group:GitHub',
      'row:github:ada-l',
      'row:github:bruno',
      'group:Bluesky',
      'row:bluesky:cleo.bsky.social',
    ]);
  });

  it('puts unknown accounts in their own section, and drops an empty gaps section when only unknowns exist', () => {
    const unknown = [row('e', 'Eve', 'x', 'eve', { state: 'unknown' })];
    expect(kinds(buildItems([ada], unknown, 'teammate', { gaps: 1, unknown: 1 }))).toEqual([
      'section',
      'group:Ada Lovelace',
      'row:x:ada',
      'section',
      'group:Eve',
      'row:x:eve',
    ]);
    const onlyUnknown = buildItems([], unknown, 'teammate', { gaps: 0, unknown: 1 });
    expect(onlyUnknown[0]).toMatchObject({ kind: 'section', section: 'unknown' });
  });

  it('says when filters hide every row, with "shown of total" counts', () => {
    const items = buildItems([], [], 'teammate', { gaps: 4, unknown: 2 });
    expect(items[0]).toMatchObject({ kind: 'section', section: 'gaps', shown: 0, total: 4 });
    expect(items[1]).toMatchObject({ kind: 'note', text: 'No gaps match the filters.' });
    expect(items[2]).toMatchObject({ kind: 'section', section: 'unknown', shown: 0, total: 2 });
    expect(items[3]).toMatchObject({ kind: 'note', text: 'None match the filters.' });
  });

  it('keeps row keys unique across sections', () => {
    const items = buildItems(rows, [row('e', 'Eve', 'x', 'eve', { state: 'unknown' })], 'network', {
      gaps: 4,
      unknown: 1,
    });
    const keys = items.map(itemKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('windowing', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => row(`m${i}`, `Member ${i}`, 'x', `m${i}`));
  const items = buildItems(many, [], 'network', { gaps: many.length, unknown: 0 });
  const offsets = layout(items);

  it('lays items out at fixed heights per kind', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBe(ITEM_HEIGHT.section);
    expect(offsets[2]).toBe(ITEM_HEIGHT.section + ITEM_HEIGHT.group);
    expect(offsets[items.length]).toBe(ITEM_HEIGHT.section + ITEM_HEIGHT.group + 10_000 * ITEM_HEIGHT.row);
  });

  it('renders only what meets the viewport, plus the overscan', () => {
    const head = ITEM_HEIGHT.section + ITEM_HEIGHT.group;
    const tenRows = 10 * ITEM_HEIGHT.row;
    expect(visibleRange(offsets, 0, 500, 0)).toEqual({
      start: 0,
      end: 2 + Math.ceil((500 - head) / ITEM_HEIGHT.row),
    });
    const top = head + 5000 * ITEM_HEIGHT.row;
    const { start, end } = visibleRange(offsets, top, tenRows, 0);
    expect(start).toBe(2 + 5000);
    expect(end).toBe(2 + 5010);
    const wide = visibleRange(offsets, top, tenRows, tenRows);
    expect(wide).toEqual({ start: 2 + 4990, end: 2 + 5020 });
  });

  it('clamps at both ends, and handles an empty list and a viewport above the list', () => {
    const bottom = offsets[items.length] ?? 0;
    expect(visibleRange(offsets, bottom + 1000, 500, 100)).toEqual({
      start: items.length,
      end: items.length,
    });
    expect(visibleRange(offsets, bottom - 100, 500, 0).end).toBe(items.length);
    expect(visibleRange(layout([]), 0, 500, 100)).toEqual({ start: 0, end: 0 });
    // The list starts 200 px below the top of the scrolling area.
    expect(visibleRange(offsets, -200, 300, 0)).toEqual({ start: 0, end: 3 });
  });
});

describe('words', () => {
  const now = Date.UTC(2026, 10, 20, 12, 0, 0);

  it('formats counts with thousands separators', () => {
    expect([0, 999, 1000, 12_345, 1_000_000].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '12,345',
      '1,000,000',
    ]);
  });

  it('describes what TeamFollow knows of an account', () => {
    expect(describeKnowledge({ ...ada, checkedAt: now - 2 * 3_600_000, source: 'page' }, now)).toBe(
      'not following · seen 2 hours ago on the page',
    );
    expect(describeKnowledge({ ...ada, checkedAt: now - 60_000, source: 'api', followsYou: true }, now)).toBe(
      'not following · checked 1 minute ago through the API · follows you',
    );
    expect(describeKnowledge({ ...cleo, state: 'unknown' }, now)).toBe('never checked');
  });

  it('labels coverage bars for screen readers, leaving out empty states', () => {
    expect(coverageLabel('X', { following: 5, 'not-following': 2, requested: 0, unknown: 1 })).toBe(
      'X: 5 following, 2 not following, 1 unknown',
    );
  });

  it('describes bulk runs, including the rate-limit wait', () => {
    const run: BulkRun = {
      kind: 'follow-all',
      status: 'running',
      total: 12,
      done: 4,
      failed: 0,
      startedAt: 0,
    };
    const clock = () => '14:05';
    expect(bulkStatusText(run, 'Bluesky', clock)).toBe('Following on Bluesky: 4 of 12');
    expect(bulkStatusText({ ...run, status: 'waiting', waitUntil: 1 }, 'Bluesky', clock)).toBe(
      'Waiting for the rate limit until 14:05 (4 of 12)',
    );
    expect(bulkStatusText({ ...run, status: 'done', done: 12, failed: 1 }, 'Bluesky', clock)).toBe(
      'Followed 12 of 12, 1 failed',
    );
    expect(bulkStatusText({ ...run, status: 'failed', message: 'bad token' }, 'Bluesky', clock)).toBe(
      'Stopped: bad token',
    );
  });
});

describe('bulk actions', () => {
  it('offers check-all only on connected API networks and follow-all only with the credential that follows', () => {
    const connections = {
      bluesky: { handle: 'me.bsky.social' },
      github: { login: 'me', token: 't' },
      mastodon: { instance: 'mastodon.social', token: 't' },
    };
    expect(canCheckAll('bluesky', connections)).toBe(true);
    expect(canFollowAll('bluesky', connections)).toBe(false);
    expect(canFollowAll('bluesky', { bluesky: { handle: 'me', appPassword: 'p' } })).toBe(true);
    expect(canFollowAll('github', connections)).toBe(true);
    expect(canFollowAll('mastodon', connections)).toBe(true);
    expect(canCheckAll('github', {})).toBe(false);
    for (const site of SITE_IDS.filter((id) => !['bluesky', 'github', 'mastodon'].includes(id))) {
      expect(canCheckAll(site, connections)).toBe(false);
      expect(canFollowAll(site, connections)).toBe(false);
    }
  });
});
