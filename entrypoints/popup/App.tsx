import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ApiSite } from '../../utils/api/networks';
import type { TabJob } from '../../utils/background/tab-jobs';
import { errorText } from '../../utils/errors';
import type { AccountRow } from '../../utils/gaps';
import type { PageAnswer, PageMessage } from '../../utils/messages';
import { accountKey } from '../../utils/model';
import { type SiteId, siteById } from '../../utils/sites/index';
import { GapList, type Pending } from './GapList';
import { Networks } from './Networks';
import { usePopupData } from './use-popup-data';
import {
  buildItems,
  type Filters,
  filterRows,
  formatCount,
  NO_FILTERS,
  plural,
  sitesOf,
  teamsOf,
} from './view';

const keyOf = (row: { site: SiteId; handle: string }) => accountKey(row.site, row.handle);

/** Sends a page message; any failure (no background, a refusal) becomes an error message. */
async function send(message: PageMessage): Promise<string | null> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as PageAnswer | undefined;
    if (answer && !answer.ok) return answer.error;
    return null;
  } catch (error) {
    return `TeamFollow could not start it: ${errorText(error)}`;
  }
}

function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** The time now, refreshed every minute so that "2 min ago" stays true while the popup is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What a finished job means, said once in the live region. */
function jobAnnouncement(job: TabJob, name: string): string {
  const where = `${name} on ${siteById(job.site).name}`;
  if (job.status === 'done') return job.kind === 'follow' ? `Followed ${where}.` : `Checked ${where}.`;
  return `Could not ${job.kind} ${where}: ${job.message ?? 'something went wrong.'}`;
}

export function App() {
  const { data, error, setGrouping } = usePopupData();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const now = useNow();

  const report = data?.report;
  const grouping = data?.grouping ?? 'teammate';
  const jobs = useMemo(() => new Map((data?.jobs ?? []).map((job) => [job.key, job])), [data?.jobs]);
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

  // Names for announcements, looked up only when a job finishes.
  const reportRef = useRef(report);
  reportRef.current = report;
  const previousJobs = useRef<Map<string, TabJob> | null>(null);
  const loaded = data !== null;
  useEffect(() => {
    // Jobs that ended before the popup opened are shown on their rows, not announced.
    if (!loaded) return;
    const before = previousJobs.current;
    previousJobs.current = jobs;
    if (!before) return;
    const said: string[] = [];
    for (const job of jobs.values()) {
      const old = before.get(job.key);
      if ((job.status === 'done' || job.status === 'failed') && old?.status !== job.status) {
        const { gaps = [], unknown = [] } = reportRef.current ?? {};
        const name =
          (gaps.find((row) => keyOf(row) === job.key) ?? unknown.find((row) => keyOf(row) === job.key))
            ?.name ?? job.handle;
        said.push(jobAnnouncement(job, name));
      }
    }
    if (said.length) setAnnouncement(said.join(' '));
  }, [jobs, loaded]);

  const act = useCallback(async (type: 'follow' | 'check', row: AccountRow) => {
    const key = keyOf(row);
    setPending((old) => new Map(old).set(key, { kind: 'sending' }));
    const problem = await send({ type, site: row.site, handle: row.handle });
    setPending((old) => {
      const next = new Map(old);
      if (problem) next.set(key, { kind: 'error', message: problem });
      else next.delete(key);
      return next;
    });
    if (problem) setAnnouncement(`Could not ${type} ${row.name}: ${problem}`);
  }, []);
  const onFollow = useCallback((row: AccountRow) => void act('follow', row), [act]);
  const onCheck = useCallback((row: AccountRow) => void act('check', row), [act]);
  const onBulk = useCallback(
    (type: 'check-all' | 'follow-all' | 'stop-all', site: ApiSite) => send({ type, site }),
    [],
  );

  const filtered = filters.team !== '' || filters.site !== '' || filters.query !== '';
  const setFilter = (part: Partial<Filters>) => setFilters((old) => ({ ...old, ...part }));

  let body: JSX.Element;
  if (error) {
    body = (
      <p class="message error" role="alert">
        TeamFollow could not read its data: {error}
      </p>
    );
  } else if (!data || !report) {
    body = (
      <p class="message muted" aria-busy="true">
        Loading…
      </p>
    );
  } else if (report.teammates === 0) {
    body = (
      <div class="message first-run" data-testid="first-run">
        <h2>Bring your team</h2>
        <p>
          Add your teammates and their handles in the options (import a CSV or JSON file, or type them in),
          and TeamFollow shows here whom you don't follow yet.
        </p>
        <button type="button" class="primary" data-testid="open-options-first-run" onClick={openOptions}>
          Add your team
        </button>
      </div>
    );
  } else {
    const nothingOpen = report.gaps.length === 0 && report.unknown.length === 0;
    body = (
      <>
        <section class="glance" aria-label="Summary">
          <p class="gap-total">
            <span class="gap-count" data-testid="gap-count">
              {report.gaps.length}
            </span>{' '}
            {report.gaps.length === 1 ? 'account not followed' : 'accounts not followed'}
          </p>
          <p class="tally">
            {plural(report.teammates, 'teammate')} · {plural(report.accounts, 'account')}
            {report.unknown.length > 0 && ` · ${formatCount(report.unknown.length)} not checked yet`}
          </p>
        </section>
        <Networks
          report={report}
          connections={data.connections}
          runs={data.runs}
          pacing={data.pacing}
          onBulk={onBulk}
        />
        {nothingOpen ? (
          report.accounts === 0 ? (
            <div class="message">
              <p>Your teammates have no accounts on the roster yet.</p>
              <button type="button" onClick={openOptions}>
                Add their handles
              </button>
            </div>
          ) : (
            <div class="message celebrate" data-testid="all-followed">
              <svg class="celebrate-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
                <circle cx="24" cy="24" r="22" />
                <path d="M14 25l7 7 13-15" />
              </svg>
              <h2>Your whole team is followed</h2>
              <p class="muted">Every teammate account on the roster, on every network.</p>
            </div>
          )
        ) : (
          <>
            <search class="controls">
              <label class="visually-hidden" for="gap-search">
                Search by name, handle or team
              </label>
              <input
                id="gap-search"
                type="search"
                data-testid="gap-search"
                placeholder="Search name, handle, team"
                value={filters.query}
                onInput={(event) => setFilter({ query: event.currentTarget.value })}
              />
              <div class="control-row">
                <label class="visually-hidden" for="team-filter">
                  Team
                </label>
                <select
                  id="team-filter"
                  data-testid="team-filter"
                  value={filters.team}
                  disabled={teams.length === 0}
                  onChange={(event) => setFilter({ team: event.currentTarget.value })}
                >
                  <option value="">All teams</option>
                  {teams.map((team) => (
                    <option key={team} value={team}>
                      {team}
                    </option>
                  ))}
                </select>
                <label class="visually-hidden" for="site-filter">
                  Network
                </label>
                <select
                  id="site-filter"
                  data-testid="site-filter"
                  value={filters.site}
                  onChange={(event) => setFilter({ site: event.currentTarget.value as SiteId | '' })}
                >
                  <option value="">All networks</option>
                  {sites.map((site) => (
                    <option key={site} value={site}>
                      {siteById(site).name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="small"
                  data-testid="group-toggle"
                  data-grouping={grouping}
                  onClick={() => setGrouping(grouping === 'teammate' ? 'network' : 'teammate')}
                >
                  {grouping === 'teammate' ? 'Group by network' : 'Group by teammate'}
                </button>
              </div>
              {filtered && (
                <button type="button" class="link-button" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </button>
              )}
            </search>
            <GapList
              items={items}
              grouping={grouping}
              jobs={jobs}
              pending={pending}
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
        {body}
      </main>
      <footer class="bottom">
        <button type="button" class="link-button" data-testid="open-options" onClick={openOptions}>
          Options
        </button>
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </div>
  );
}
