import { useMemo, useState } from 'preact/hooks';
import { t } from '../../utils/i18n/index';
import { useNow } from '../popup/use-now';
import { Controls } from './Controls';
import { EmptyTeam } from './EmptyTeam';
import { filterMatrix, isFiltered, NO_TEAM_FILTERS, type TeamFilters, teamsOf } from './filter';
import { Matrix } from './Matrix';
import { buildMatrix } from './matrix';
import { sortMatrix, type TeamSort } from './sort';
import { summarize } from './summary';
import { useCellActions } from './use-cell-actions';
import { useTeamData } from './use-team-data';

/** The team view: the coverage matrix of every teammate on every network, with its filters and live updates. */
export function App() {
  const { data, first, error } = useTeamData();
  const now = useNow();
  const [filters, setFilters] = useState<TeamFilters>(NO_TEAM_FILTERS);
  const [sort, setSort] = useState<TeamSort>('name');
  const { pending, announcement, act } = useCellActions();

  const rows = useMemo(() => (data ? buildMatrix(data.members, data.follows) : []), [data]);
  const shown = useMemo(() => sortMatrix(filterMatrix(rows, filters), sort), [rows, filters, sort]);
  const summaries = useMemo(() => summarize(shown), [shown]);
  // A chosen team stays among the options even when its last teammate leaves.
  // Until every follow record is read, the first screen stands in for the unfiltered view in the name order.
  const early = data ? null : first;
  const teams = useMemo(() => {
    const found = early ? early.teams : teamsOf(rows);
    return filters.team && !found.includes(filters.team) ? [...found, filters.team] : found;
  }, [rows, early, filters.team]);

  const loading = (
    <p class="message muted" aria-busy="true">
      {t('team_loading')}
    </p>
  );
  let body = loading;
  if (error)
    body = (
      <p class="message error" role="alert">
        {t('team_readFailed', { error })}
      </p>
    );
  else if (data && rows.length === 0) body = <EmptyTeam />;
  else if (data)
    body = (
      <>
        <Controls
          filters={filters}
          sort={sort}
          teams={teams}
          shown={shown.length}
          total={rows.length}
          onFilters={setFilters}
          onSort={setSort}
        />
        <Matrix rows={shown} summaries={summaries} pending={pending} now={now} onAction={act} />
      </>
    );
  else if (early) {
    // Another filter or order needs every row (and "doesn't follow me back" every record): it waits, busy.
    const plain = !isFiltered(filters) && sort === 'name';
    body = (
      <>
        <Controls
          filters={filters}
          sort={sort}
          teams={teams}
          shown={early.total}
          total={early.total}
          onFilters={setFilters}
          onSort={setSort}
        />
        {plain ? (
          <Matrix
            rows={early.rows}
            total={early.total}
            summaries={early.summaries}
            pending={pending}
            now={now}
            onAction={act}
          />
        ) : (
          loading
        )}
      </>
    );
  }

  return (
    <div class="team-page">
      <header class="top">
        <img src="/icon/32.png" alt="" width="24" height="24" />
        <div>
          <h1>{t('team_title')}</h1>
          <p class="muted">{t('team_intro')}</p>
        </div>
      </header>
      <main>{body}</main>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
    </div>
  );
}
