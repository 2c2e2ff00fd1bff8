import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { SiteIcon } from '../../components/SiteIcon';
import { useKeepFocus } from '../../components/use-keep-focus';
import type { AccountRow } from '../../utils/gaps';
import { plural, t } from '../../utils/i18n/index';
import { accountKey } from '../../utils/model';
import { profileUrl, siteById } from '../../utils/sites/index';
import { describeKnowledge, formatCount, type UnknownNote } from './popup-words';
import { type Grouping, ITEM_HEIGHT, itemKey, type ListItem, layout, visibleRange } from './windowing';

/** A click on a row that is on its way to the background, or refused by it. */
export type Pending = { kind: 'sending' } | { kind: 'error'; message: string };

interface GapListProps {
  items: ListItem[];
  grouping: Grouping;
  pending: ReadonlyMap<string, Pending>;
  /** Per `site:handle`, why its page last could not tell. */
  unknownReasons: Readonly<Record<string, UnknownNote>>;
  now: number;
  /** The element that scrolls the list (the popup's main area). */
  scroller: HTMLElement | null;
  onFollow(row: AccountRow): void;
  onCheck(row: AccountRow): void;
}

// Rows beyond the viewport rendered each way, so keyboard focus and quick scrolls find rows ready.
const OVERSCAN_PX = 60 * ITEM_HEIGHT.row;
// Without layout (tests, the first frame) assume a full popup.
const FALLBACK_VIEWPORT = 580;

/** The gaps and the unknown accounts as one windowed list: only what is near the viewport is in the DOM. */
export function GapList({
  items,
  grouping,
  pending,
  unknownReasons,
  now,
  scroller,
  onFollow,
  onCheck,
}: GapListProps) {
  const offsets = useMemo(() => layout(items), [items]);
  const [listEl, setListEl] = useState<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: FALLBACK_VIEWPORT });

  useEffect(() => {
    if (!scroller || !listEl) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const listTop = listEl.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const height = scroller.clientHeight || FALLBACK_VIEWPORT;
      setViewport((old) => (old.top === -listTop && old.height === height ? old : { top: -listTop, height }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // Measured in the next frame, never synchronously: a forced layout would delay the first paint.
    // The first render assumes the top of the list, which is right when the popup opens.
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
    // Items changed (filters, new data, the strip above grew): the list may have moved under the viewport.
  }, [scroller, listEl, items]);

  // A row that leaves (followed, checked) hands the focus to the row now at its place.
  useKeepFocus(listEl, () => document.querySelector<HTMLElement>('#gap-search'));

  const { start, end } = visibleRange(offsets, viewport.top, viewport.height, OVERSCAN_PX);
  const total = offsets[items.length] ?? 0;

  // A mark for measuring time to first render (bench, README): once, when rows first reach the DOM.
  const hasRows = end > start;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName('teamfollow:list-rendered').length === 0)
      performance.mark('teamfollow:list-rendered');
  }, [hasRows]);

  const shown: JSX.Element[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index] as ListItem;
    const style = { top: `${offsets[index]}px`, height: `${ITEM_HEIGHT[item.kind]}px` };
    shown.push(
      <ItemView
        key={itemKey(item)}
        item={item}
        style={style}
        grouping={grouping}
        pending={item.kind === 'row' ? pending.get(accountKey(item.row.site, item.row.handle)) : undefined}
        unknown={item.kind === 'row' ? unknownReasons[accountKey(item.row.site, item.row.handle)] : undefined}
        now={now}
        onFollow={onFollow}
        onCheck={onCheck}
      />,
    );
  }
  return (
    <div ref={setListEl} class="gap-list" style={{ height: `${total}px` }} data-testid="gap-list">
      {shown}
    </div>
  );
}

interface ItemViewProps {
  item: ListItem;
  style: Record<string, string>;
  grouping: Grouping;
  pending: Pending | undefined;
  unknown: UnknownNote | undefined;
  now: number;
  onFollow(row: AccountRow): void;
  onCheck(row: AccountRow): void;
}

function ItemView({ item, style, grouping, pending, unknown, now, onFollow, onCheck }: ItemViewProps) {
  if (item.kind === 'section') {
    const title = item.section === 'gaps' ? t('popup_list_gaps') : t('popup_list_unknown');
    const count =
      item.shown === item.total
        ? formatCount(item.total)
        : t('popup_list_shownOf', { shown: item.shown, total: item.total });
    return (
      <div class="item section-header" style={style}>
        <h2>
          {title} <span class="count">{count}</span>
        </h2>
        {item.section === 'unknown' && <p class="section-hint">{t('popup_list_unknownHint')}</p>}
      </div>
    );
  }
  if (item.kind === 'note') {
    return (
      <p class="item note" style={style}>
        {item.text}
      </p>
    );
  }
  if (item.kind === 'group') {
    return (
      <div class="item group-header" style={style}>
        <h3>
          {item.site && <SiteIcon site={item.site} />}
          <span class="group-label">{item.label}</span>
          {item.team && <span class="team">{item.team}</span>}
        </h3>
        <span class="count" title={plural('popup_list_accounts', item.count)}>
          {formatCount(item.count)}
        </span>
      </div>
    );
  }
  return (
    <RowView
      row={item.row}
      section={item.section}
      style={style}
      grouping={grouping}
      pending={pending}
      unknown={unknown}
      now={now}
      onFollow={onFollow}
      onCheck={onCheck}
    />
  );
}

interface RowViewProps extends Omit<ItemViewProps, 'item'> {
  row: AccountRow;
  section: 'gaps' | 'unknown';
}

function safeProfileUrl(row: AccountRow): string | undefined {
  try {
    return profileUrl(row.site, row.handle);
  } catch {
    return undefined;
  }
}

function RowView({ row, section, style, grouping, pending, unknown, now, onFollow, onCheck }: RowViewProps) {
  const siteName = siteById(row.site).name;
  const url = safeProfileUrl(row);
  const busy = pending?.kind === 'sending';
  const failure = pending?.kind === 'error' ? pending.message : null;
  const progress = busy ? t('popup_row_sending') : null;
  const isGap = section === 'gaps';
  return (
    <div
      class={`item row${failure ? ' has-error' : ''}`}
      style={style}
      data-testid={isGap ? 'gap-row' : 'unknown-row'}
      data-site={row.site}
      data-handle={row.handle}
      data-state={row.state}
      data-focus-key={accountKey(row.site, row.handle)}
    >
      <SiteIcon site={row.site} label />
      <div class="row-text">
        <div class="row-line">
          {/* Grouped by teammate, the header shows the name: keep it for screen readers only. */}
          <span class={grouping === 'teammate' ? 'visually-hidden' : 'name'}>{row.name}</span>
          {grouping === 'teammate' && <span class="site-name">{siteName}</span>}
          {url ? (
            <a class="handle" href={url} target="_blank" rel="noopener noreferrer" title={url}>
              {row.handle}
            </a>
          ) : (
            <span class="handle">{row.handle}</span>
          )}
        </div>
        {failure ? (
          <p class="row-status error" role="alert" title={failure}>
            {failure}
          </p>
        ) : (
          <p class={`row-status${progress ? ' busy' : ''}`}>
            {progress ?? describeKnowledge(row, now, unknown)}
          </p>
        )}
      </div>
      {isGap ? (
        <button
          type="button"
          class="primary small"
          data-testid="follow-button"
          disabled={busy}
          aria-label={t('popup_row_followLabel', { name: row.name, site: siteName })}
          onClick={() => onFollow(row)}
        >
          {t('popup_row_follow')}
        </button>
      ) : (
        <button
          type="button"
          class="small"
          data-testid="check-button"
          disabled={busy}
          aria-label={t('popup_row_checkLabel', { name: row.name, site: siteName })}
          onClick={() => onCheck(row)}
        >
          {t('popup_row_check')}
        </button>
      )}
    </div>
  );
}
