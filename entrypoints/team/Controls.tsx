import { Field } from '../../components/Field';
import { type MessageKey, plural, t } from '../../utils/i18n/index';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';
import { isFiltered, NO_TEAM_FILTERS, type TeamFilters } from './filter';
import type { TeamSort } from './sort';

interface ControlsProps {
  filters: TeamFilters;
  sort: TeamSort;
  teams: readonly string[];
  shown: number;
  total: number;
  onFilters(filters: TeamFilters): void;
  onSort(sort: TeamSort): void;
}

const SORTS: [TeamSort, MessageKey][] = [
  ['name', 'team_sort_name'],
  ['team', 'team_sort_team'],
  ['gaps', 'team_sort_gaps'],
];

/** Search, team, network and "doesn't follow me back" filters, and the order of the rows. */
export function Controls({ filters, sort, teams, shown, total, onFilters, onSort }: ControlsProps) {
  const set = (part: Partial<TeamFilters>) => onFilters({ ...filters, ...part });
  return (
    <search class="controls" aria-label={t('team_controls')}>
      <Field id="team-search" label={t('team_search')}>
        {(control) => (
          <input
            {...control}
            type="search"
            data-testid="team-search"
            placeholder={t('team_searchPlaceholder')}
            value={filters.query}
            onInput={(event) => set({ query: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="team-filter" label={t('team_filter_team')}>
        {(control) => (
          <select
            {...control}
            data-testid="team-filter"
            value={filters.team}
            disabled={teams.length === 0}
            onChange={(event) => set({ team: event.currentTarget.value })}
          >
            <option value="">{t('team_filter_allTeams')}</option>
            {teams.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="network-filter" label={t('team_filter_network')}>
        {(control) => (
          <select
            {...control}
            data-testid="network-filter"
            value={filters.site}
            onChange={(event) => set({ site: event.currentTarget.value as SiteId | '' })}
          >
            <option value="">{t('team_filter_allNetworks')}</option>
            {SITE_IDS.map((site) => (
              <option key={site} value={site}>
                {siteById(site).name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="team-sort" label={t('team_sort')}>
        {(control) => (
          <select
            {...control}
            data-testid="team-sort"
            value={sort}
            onChange={(event) => onSort(event.currentTarget.value as TeamSort)}
          >
            {SORTS.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label class="check">
        <input
          type="checkbox"
          data-testid="not-following-back"
          checked={filters.notFollowingBack}
          onChange={(event) => set({ notFollowingBack: event.currentTarget.checked })}
        />
        {t('team_filter_notFollowingBack')}
      </label>
      <p class="shown muted" data-testid="shown-count" aria-live="polite">
        {shown === total ? plural('team_shown_all', total) : plural('team_shown_some', total, { shown })}
      </p>
      {isFiltered(filters) && (
        <button type="button" class="link-button" onClick={() => onFilters(NO_TEAM_FILTERS)}>
          {t('team_filter_clear')}
        </button>
      )}
    </search>
  );
}
