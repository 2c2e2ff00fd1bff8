import type { JSX } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ApiSite } from '../../utils/api/networks';
import type { AccountRow } from '../../utils/gaps';
import { t } from '../../utils/i18n/index';
import { accountKey } from '../../utils/model';
import { teamViewUrl } from '../team/open';
import { AddToTeam } from './AddToTeam';
import { AllFollowed } from './AllFollowed';
import { FastPaths } from './FastPaths';
import { Filters } from './Filters';
import { FirstRun } from './FirstRun';
import { GapList, type Pending } from './GapList';
import { Networks } from './Networks';
import { Notices } from './Notices';
import { RenameNotice } from './RenameNotice';
import { type Filters as FilterValues, filterRows, NO_FILTERS, sitesOf, teamsOf } from './row-filters';
import { nothingKnown, Summary } from './Summary';
import { openOptions, openTab, send } from './send';
import { useNow } from './use-now';
import { usePopupData } from './use-popup-data';
import { buildItems } from './windowing';

const keyOf = (row: AccountRow) => accountKey(row.site, row.handle);

export function App() {
  const { data, error, setGrouping } = usePopupData();
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const now = useNow();

  const report = data?.report;
  const grouping = data?.grouping ?? 'teammate';
  const gaps = useMemo(() => (report ? filterRows(report.gaps, filters) : []), [report, filters]);
  const unknown = useMemo(() => (report ? filterRows(report.unknown, filters) : []), [report, filters]);
  const items = useMemo(
    () =>
      report
        ? buildItems(gaps, unknown, grouping, { gaps: report.gaps.length, unknown: report.unknown.length })
        : [],
    [report, gaps, unknown, grouping],
  );
  // A chosen filter stays among the options even when its last row leaves.
  const teams = useMemo(() => {
    const found = report ? teamsOf(report.gaps, report.unknown) : [];
    return filters.team && !found.includes(filters.team) ? [...found, filters.team] : found;
  }, [report, filters.team]);
  const sites = useMemo(() => {
    const found = report ? sitesOf(report.gaps, report.unknown) : [];
    return filters.site && !found.includes(filters.site) ? [...found, filters.site] : found;
  }, [report, filters.site]);

  // Follow and check: through the API where connected, else the profile opens in front and the popup closes.
  const act = useCallback(async (type: 'follow' | 'check', row: AccountRow) => {
    const key = keyOf(row);
    setPending((old) => new Map(old).set(key, { kind: 'sending' }));
    const { error: problem, opened } = await send({ type, site: row.site, handle: row.handle });
    if (opened) {
      window.close();
      return;
    }
    setPending((old) => {
      const next = new Map(old);
      if (problem) next.set(key, { kind: 'error', message: problem });
      else next.delete(key);
      return next;
    });
    const values = { name: row.name, error: problem ?? '' };
    if (type === 'follow')
      setAnnouncement(t(problem ? 'popup_announce_followFailed' : 'popup_announce_followed', values));
    else setAnnouncement(t(problem ? 'popup_announce_checkFailed' : 'popup_announce_checked', values));
  }, []);
  const onFollow = useCallback((row: AccountRow) => void act('follow', row), [act]);
  const onCheck = useCallback((row: AccountRow) => void act('check', row), [act]);
  const onBulk = useCallback(
    async (type: 'check-all' | 'follow-all' | 'stop-all', site: ApiSite, handles?: string[]) =>
      (await send(type === 'follow-all' ? { type, site, handles: handles ?? [] } : { type, site })).error,
    [],
  );

  let body: JSX.Element;
  if (error) {
    body = (
      <p class="message error" role="alert">
        {t('popup_readFailed', { error })}
      </p>
    );
  } else if (!data || !report) {
    body = (
      <p class="message muted" aria-busy="true">
        {t('popup_loading')}
      </p>
    );
  } else if (report.teammates === 0) {
    body = <FirstRun />;
  } else {
    const nothingOpen = report.gaps.length === 0 && report.unknown.length === 0;
    body = (
      <>
        <Summary report={report} />
        <Notices unreadable={data.unreadable} />
        {nothingKnown(report) && (
          <FastPaths report={report} connections={data.connections} ownHandles={data.ownHandles} />
        )}
        <Networks
          report={report}
          connections={data.connections}
          runs={data.runs}
          pacing={data.pacing}
          onBulk={onBulk}
        />
        {nothingOpen ? (
          <AllFollowed accounts={report.accounts} />
        ) : (
          <>
            <Filters
              filters={filters}
              teams={teams}
              sites={sites}
              grouping={grouping}
              onChange={setFilters}
              onGrouping={setGrouping}
            />
            <GapList
              items={items}
              grouping={grouping}
              pending={pending}
              unknownReasons={data.unknownReasons}
              now={now}
              scroller={scroller}
              onFollow={onFollow}
              onCheck={onCheck}
            />
          </>
        )}
      </>
    );
  }

  return (
    <div class="popup">
      <header class="top">
        <img src="/icon/32.png" alt="" width="18" height="18" />
        <h1>TeamFollow</h1>
      </header>
      <main class="scroller" ref={setScroller}>
        <AddToTeam />
        <RenameNotice />
        {body}
      </main>
      <footer class="bottom">
        <button
          type="button"
          class="link-button"
          data-testid="open-team"
          style={{ marginInlineEnd: '12px' }}
          onClick={() => openTab(teamViewUrl())}
        >
          {t('popup_teamView')}
        </button>
        <button type="button" class="link-button" data-testid="open-options" onClick={openOptions}>
          {t('popup_options')}
        </button>
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </div>
  );
}
