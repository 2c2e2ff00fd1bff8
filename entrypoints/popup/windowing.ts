import type { AccountRow } from '../../utils/gaps';
import { t } from '../../utils/i18n/index';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';

// The popup's list as windowing sees it: items of fixed heights, grouped, laid out and cut to the viewport.

export type Grouping = 'teammate' | 'network';
export type Section = 'gaps' | 'unknown';

/** What the windowed list shows, one fixed height per kind. Rows carry no key string: see itemKey. */
export type ListItem =
  | { kind: 'section'; key: string; section: Section; shown: number; total: number }
  | {
      kind: 'group';
      key: string;
      section: Section;
      label: string;
      team?: string;
      site?: SiteId;
      count: number;
    }
  | { kind: 'row'; section: Section; row: AccountRow }
  | { kind: 'note'; key: string; section: Section; text: string };

/** Fixed heights (px) per kind of item: what makes windowing a binary search. Keep in sync with style.css. */
export const ITEM_HEIGHT: Record<ListItem['kind'], number> = { section: 40, group: 30, row: 48, note: 36 };

/** A stable key per item, built only for the items on screen (10,000 rows need no 10,000 key strings). */
export function itemKey(item: ListItem): string {
  return item.kind === 'row' ? `${item.section}:${item.row.site}:${item.row.handle}` : item.key;
}

/** Rows grouped under headers: by teammate (rows come sorted by name) or by network (registry order). */
function groupItems(rows: readonly AccountRow[], section: Section, grouping: Grouping): ListItem[] {
  const items: ListItem[] = [];
  let ordered = rows;
  if (grouping === 'network') {
    const bySite = new Map<SiteId, AccountRow[]>(SITE_IDS.map((site) => [site, []]));
    for (const row of rows) bySite.get(row.site)?.push(row);
    ordered = [...bySite.values()].flat();
  }
  let header: Extract<ListItem, { kind: 'group' }> | null = null;
  let current: string | null = null;
  for (const row of ordered) {
    const group = grouping === 'network' ? row.site : row.memberId;
    if (!header || group !== current) {
      current = group;
      header =
        grouping === 'network'
          ? {
              kind: 'group',
              key: `${section}:g:${group}`,
              section,
              label: siteById(row.site).name,
              site: row.site,
              count: 0,
            }
          : { kind: 'group', key: `${section}:g:${group}`, section, label: row.name, count: 0 };
      if (grouping === 'teammate' && row.team) header.team = row.team;
      items.push(header);
    }
    header.count++;
    items.push({ kind: 'row', section, row });
  }
  return items;
}

/**
 * The flat list the popup windows over: the gaps section, then the unknown section (only when it has rows).
 * `totals` are the unfiltered counts, for "3 of 12".
 */
export function buildItems(
  gaps: readonly AccountRow[],
  unknown: readonly AccountRow[],
  grouping: Grouping,
  totals: { gaps: number; unknown: number },
): ListItem[] {
  const items: ListItem[] = [];
  if (totals.gaps > 0 || totals.unknown === 0) {
    items.push({ kind: 'section', key: 'gaps', section: 'gaps', shown: gaps.length, total: totals.gaps });
    if (gaps.length === 0)
      items.push({
        kind: 'note',
        key: 'gaps:none',
        section: 'gaps',
        text: totals.gaps > 0 ? t('popup_list_noGapsMatch') : t('popup_list_noGaps'),
      });
    items.push(...groupItems(gaps, 'gaps', grouping));
  }
  if (totals.unknown > 0) {
    items.push({
      kind: 'section',
      key: 'unknown',
      section: 'unknown',
      shown: unknown.length,
      total: totals.unknown,
    });
    if (unknown.length === 0)
      items.push({
        kind: 'note',
        key: 'unknown:none',
        section: 'unknown',
        text: t('popup_list_noneMatch'),
      });
    items.push(...groupItems(unknown, 'unknown', grouping));
  }
  return items;
}

/** Top offset of every item, plus the total height as the last entry. */
export function layout(items: readonly ListItem[]): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++)
    offsets[i + 1] = (offsets[i] ?? 0) + ITEM_HEIGHT[(items[i] as ListItem).kind];
  return offsets;
}

/** The first index whose item ends after `y`. */
function firstEndingAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Items [start, end) that intersect the viewport [top, top + height), widened by `overscan` px each way. */
export function visibleRange(
  offsets: Float64Array,
  top: number,
  height: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = firstEndingAfter(offsets, Math.max(0, top - overscan));
  const bottom = top + height + overscan;
  let end = firstEndingAfter(offsets, bottom);
  if (end < count && (offsets[end] ?? 0) < bottom) end++;
  return { start: Math.min(start, count), end: Math.max(Math.min(end, count), Math.min(start, count)) };
}
