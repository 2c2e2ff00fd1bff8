import { useEffect, useState } from 'preact/hooks';
import { safeProfileUrl } from '../../components/AccountList';
import { SiteIcon } from '../../components/SiteIcon';
import { countActions, getDb, listActions } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { formatDate, formatNumber, plural, t } from '../../utils/i18n/index';
import type { ActionRecord } from '../../utils/model';
import { siteById } from '../../utils/sites/index';
import { downloadText } from './download';
import { HISTORY_LIMIT, historyCsv, viaLabel } from './history';
import { KEEP_COUNT, withParts } from './rich';

interface HistorySectionProps {
  /** Changes whenever the data may have changed elsewhere: the history reloads. */
  version: number;
}

function When({ at }: { at: number }) {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return <span class="muted">{t('options_history_unknownTime')}</span>;
  return (
    <time dateTime={date.toISOString()}>{formatDate(date, { dateStyle: 'medium', timeStyle: 'short' })}</time>
  );
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
        <span class={ok ? 'result-ok' : 'result-failed'}>
          {ok ? t('options_history_followed') : t('options_history_failed')}
        </span>
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
      if (live) setError(t('options_history_loadError', { error: errorText(failure) }));
    });
    return () => {
      live = false;
    };
  }, [version, showAll]);

  async function exportHistory() {
    try {
      const all = await listActions(await getDb());
      downloadText('teamfollow-history.csv', historyCsv(all), 'text/csv;charset=utf-8');
      setNotice(t('options_savedFile', { file: 'teamfollow-history.csv' }));
    } catch (failure) {
      setNotice(t('options_couldNotExport', { error: errorText(failure) }));
    }
  }

  return (
    <section class="card" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">
        {t('options_history_heading')}{' '}
        <span class="count">
          {withParts(plural('options_history_count', total, KEEP_COUNT), {
            count: <span data-testid="history-count">{formatNumber(total)}</span>,
          })}
        </span>
      </h2>
      <p>{t('options_history_what')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {actions === null ? (
        !error && <p class="muted">{t('options_loading')}</p>
      ) : actions.length === 0 ? (
        <p class="empty" data-testid="history-empty">
          {t('options_history_empty')}
        </p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="roster-table history-table">
              <caption class="visually-hidden">{t('options_history_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('options_history_when')}</th>
                  <th scope="col">{t('options_history_network')}</th>
                  <th scope="col">{t('options_history_account')}</th>
                  <th scope="col">{t('options_history_how')}</th>
                  <th scope="col">{t('options_history_result')}</th>
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
            {t('options_table_showing', { shown: actions.length, total })}
            {total > HISTORY_LIMIT && (
              <>
                {' '}
                <button
                  type="button"
                  class="link-button"
                  data-testid="history-show-all"
                  onClick={() => setShowAll(!showAll)}
                >
                  {showAll
                    ? t('options_history_showLatest', { count: HISTORY_LIMIT })
                    : t('options_history_showAll')}
                </button>
              </>
            )}
          </p>
        </>
      )}
      <div class="actions start">
        <button type="button" data-testid="export-history" onClick={exportHistory}>
          {t('options_history_export')}
        </button>
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
    </section>
  );
}
