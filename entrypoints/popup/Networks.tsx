import { useEffect, useRef, useState } from 'preact/hooks';
import { SiteIcon } from '../../components/SiteIcon';
import type { ApiSite } from '../../utils/api/networks';
import { pacingMs } from '../../utils/api/pacing';
import type { AccountRow, Coverage, GapReport } from '../../utils/gaps';
import { formatDate, t } from '../../utils/i18n/index';
import type { BulkRun, Connections } from '../../utils/settings';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';
import { FollowAllReview } from './FollowAllReview';
import {
  bulkStatusText,
  canCheckAll,
  canFollowAll,
  coverageLabel,
  coverageWords,
  isActive,
} from './popup-words';

interface NetworksProps {
  report: GapReport;
  connections: Connections;
  runs: Partial<Record<ApiSite, BulkRun>>;
  pacing: Partial<Record<ApiSite, number>>;
  /** Sends a bulk message; resolves to an error message, or null when the background took it. */
  onBulk(
    type: 'check-all' | 'follow-all' | 'stop-all',
    site: ApiSite,
    handles?: string[],
  ): Promise<string | null>;
}

const clock = (at: number) => formatDate(at, { hour: '2-digit', minute: '2-digit' });

/** The pacing the runner will use (utils/pacing.ts), so the question states what will happen. */
function intervalSeconds(site: ApiSite, pacing: Partial<Record<ApiSite, number>>): number {
  return pacingMs(site, pacing) / 1000;
}

/** Coverage per network at a glance, with "Check all" and "Follow all" where the network's API is connected. */
export function Networks({ report, connections, runs, pacing, onBulk }: NetworksProps) {
  const sites = SITE_IDS.filter((site) => report.coverage[site]);
  if (sites.length === 0) return null;
  return (
    <section class="networks" aria-labelledby="networks-title">
      <h2 id="networks-title" class="visually-hidden">
        {t('popup_networks')}
      </h2>
      <ul>
        {sites.map((site) => (
          <NetworkLine
            key={site}
            site={site}
            coverage={report.coverage[site] as Coverage}
            connections={connections}
            run={canCheckAll(site, connections) ? runs[site] : undefined}
            gaps={report.gaps.filter((row) => row.site === site)}
            pacing={pacing}
            onBulk={onBulk}
          />
        ))}
      </ul>
    </section>
  );
}

interface NetworkLineProps {
  site: SiteId;
  coverage: Coverage;
  connections: Connections;
  run: BulkRun | undefined;
  /** This network's gaps: who "Follow all" would follow. */
  gaps: readonly AccountRow[];
  pacing: Partial<Record<ApiSite, number>>;
  onBulk: NetworksProps['onBulk'];
}

const SEGMENTS: (keyof Coverage)[] = ['following', 'requested', 'not-following', 'unknown'];

function NetworkLine({ site, coverage, connections, run, gaps: gapRows, pacing, onBulk }: NetworkLineProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const followAllRef = useRef<HTMLButtonElement>(null);
  const lineRef = useRef<HTMLLIElement>(null);
  // Keyboard users land on the review, back on "Follow all" when they cancel, and on the network's line (where
  // the run's progress shows) when they confirm, since "Follow all" is then disabled.
  const returnFocus = useRef<'follow-all' | 'line' | null>(null);
  useEffect(() => {
    if (!confirming && returnFocus.current)
      (returnFocus.current === 'line' ? lineRef : followAllRef).current?.focus();
    returnFocus.current = null;
  }, [confirming]);
  const cancel = () => {
    returnFocus.current = 'follow-all';
    setConfirming(false);
  };
  const name = siteById(site).name;
  const total = SEGMENTS.reduce((sum, state) => sum + coverage[state], 0);
  const gaps = coverage['not-following'];
  const active = isActive(run);
  const send = async (type: 'check-all' | 'follow-all' | 'stop-all', handles?: string[]) => {
    if (!canCheckAll(site, connections)) return;
    setError('');
    setConfirming(false);
    setError((await onBulk(type, site, handles)) ?? '');
  };
  const checkable = canCheckAll(site, connections);
  const followable = canFollowAll(site, connections) && gaps > 0;
  return (
    <li class="network" data-site={site} ref={lineRef} tabIndex={-1}>
      <div class="network-line">
        <SiteIcon site={site} />
        <span class="network-name">{name}</span>
        <span
          class="coverage-bar"
          role="img"
          aria-label={coverageLabel(name, coverage)}
          title={coverageLabel(name, coverage)}
        >
          {SEGMENTS.map((state) =>
            coverage[state] > 0 ? (
              <span
                key={state}
                class={`segment ${state}`}
                style={{ width: `${(coverage[state] / total) * 100}%` }}
              />
            ) : null,
          )}
        </span>
        <span class="coverage-words" data-testid="coverage-words" data-site={site}>
          {coverageWords(coverage)}
        </span>
        <span class="coverage-text" aria-hidden="true">
          {coverage.following}/{total}
        </span>
      </div>
      {checkable && (
        <div class="network-actions">
          <button
            type="button"
            class="small"
            data-testid="check-all"
            data-site={site}
            disabled={active}
            onClick={() => void send('check-all')}
          >
            {t('popup_checkAll')}
          </button>
          {followable && !confirming && (
            <button
              type="button"
              class="small"
              ref={followAllRef}
              data-testid="follow-all"
              data-site={site}
              disabled={active}
              onClick={() => setConfirming(true)}
            >
              {t('popup_followAllOn', { site: name })}
            </button>
          )}
          {active && (
            <button
              type="button"
              class="small danger"
              data-testid="bulk-stop"
              data-site={site}
              onClick={() => void send('stop-all')}
            >
              {t('popup_stop')}
            </button>
          )}
        </div>
      )}
      {followable && confirming && (
        <FollowAllReview
          site={site}
          siteName={name}
          rows={gapRows}
          interval={intervalSeconds(site, pacing)}
          onConfirm={(handles) => {
            returnFocus.current = 'line';
            void send('follow-all', handles);
          }}
          onCancel={cancel}
        />
      )}
      {run && (
        <div class="bulk">
          <progress
            data-testid="bulk-progress"
            data-site={site}
            data-status={run.status}
            value={run.done}
            max={Math.max(run.total, 1)}
            aria-label={t(run.kind === 'follow-all' ? 'popup_followAllOn' : 'popup_checkAllOn', {
              site: name,
            })}
          />
          <p class={`bulk-text${run.status === 'failed' ? ' error' : ''}`}>
            {bulkStatusText(run, name, clock)}
          </p>
        </div>
      )}
      {error && (
        <p class="error small-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
