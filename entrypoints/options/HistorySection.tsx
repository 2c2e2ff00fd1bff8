import { useEffect, useState } from 'preact/hooks';
import { safeProfileUrl } from '../../components/AccountList';
import { SiteIcon } from '../../components/SiteIcon';
import { countActions, getDb, listActions } from '../../utils/db';
import { errorText } from '../../utils/errors';
import type { ActionRecord } from '../../utils/model';
import { siteById } from '../../utils/sites/index';
import { downloadText } from './download';
import { HISTORY_LIMIT, historyCsv, viaLabel } from './history';

interface HistorySectionProps {
  /** Changes whenever the data may have changed elsewhere: the history reloads. */
  version: number;
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function When({ at }: { at: number }) {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <span class="muted">unknown time</span>;
  return <time dateTime={date.toISOString()}>{WHEN.format(date)}</time>;
}

function HistoryRow({ action }: { action: ActionRecord }) {
  const url = safeProfileUrl(action);
  const ok = action.result === 'ok';
  return (
    <tr
      data-testid="history-row"
      data-site={action.site}
      data-handle={action.handle}
      data-via={action.via}
      data-result={action.result}
    >
      <td class="cell-when">
        <When at={action.at} />
      </td>
      <td class="cell-site">
        <span class="site-name">
          <SiteIcon site={action.site} /> {siteById(action.site).name}
        </span>
      </td>
      <td class="cell-handle">
        {url ? (
          <a href={url} target="_blank" rel="noreferrer noopener">
            {action.handle}
          </a>
        ) : (
          <span>{action.handle}</span>
        )}
      </td>
      <td class="cell-via">{viaLabel(action.via)}</td>
      <td class="cell-result">
        <span class={ok ? 'result-ok' : 'result-failed'}>{ok ? 'Followed' : 'Failed'}</span>
        {action.detail && <span class="muted result-detail">: {action.detail}</span>}
      </td>
    </tr>
  );
}

/** The follows TeamFollow carried out, newest first: the latest HISTORY_LIMIT, or all on request. */
export function HistorySection({ version }: HistorySectionProps) {
  const [actions, setActions] = useState<ActionRecord[] | null>(null);
  const [total, setTotal] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  // `version` is in the dependencies only as the signal to read the store again.
  useEffect(() => {
    let live = true;
    (async () => {
      const db = await getDb();
      const [shown, count] = await Promise.all([
        listActions(db, showAll ? undefined : HISTORY_LIMIT),
        countActions(db),
      ]);
      if (!live) return;
      setActions(shown);
      setTotal(count);
      setError('');
    })().catch((failure: unknown) => {
      if (live) setError(`Could not read the history: ${errorText(failure)}`);
    });
    return () => {
      live = false;
    };
  }, [version, showAll]);

  async function exportHistory() {
    try {
      const all = await listActions(await getDb());
      downloadText('teamfollow-history.csv', historyCsv(all), 'text/csv;charset=utf-8');
      setNotice('Saved teamfollow-history.csv.');
    } catch (failure) {
      setNotice(`Could not export: ${errorText(failure)}`);
    }
  }

  return (
    <section class="card" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">
        History{' '}
        <span class="count">
          (<span data-testid="history-count">{total}</span> {total === 1 ? 'follow' : 'follows'})
        </span>
      </h2>
      <p>The follows TeamFollow carried out for you, newest first.</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {actions === null ? (
        !error && <p class="muted">Loading…</p>
      ) : actions.length === 0 ? (
        <p class="empty" data-testid="history-empty">
          No follows yet. When you follow a teammate with TeamFollow, it is listed here.
        </p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="roster-table history-table">
              <caption class="visually-hidden">Follows TeamFollow carried out</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Network</th>
                  <th scope="col">Account</th>
                  <th scope="col">How</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((action) => (
                  <HistoryRow
                    key={action.id ?? `${action.at}:${action.site}:${action.handle}`}
                    action={action}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <p class="table-footer muted" data-testid="history-shown">
            Showing {actions.length.toLocaleString('en')} of {total.toLocaleString('en')}
            {total > HISTORY_LIMIT && (
              <>
                {' '}
                <button
                  type="button"
                  class="link-button"
                  data-testid="history-show-all"
                  onClick={() => setShowAll(!showAll)}
                >
                  {showAll ? `Show the latest ${HISTORY_LIMIT}` : 'Show all'}
                </button>
              </>
            )}
          </p>
        </>
      )}
      <div class="actions start">
        <button type="button" data-testid="export-history" onClick={exportHistory}>
          Export history (CSV)
        </button>
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
    </section>
  );
}
