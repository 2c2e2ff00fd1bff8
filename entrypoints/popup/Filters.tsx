import { t } from '../../utils/i18n/index';
import { type SiteId, siteById } from '../../utils/sites/index';
import { type Filters as FilterValues, isFiltered, NO_FILTERS } from './row-filters';
import type { Grouping } from './windowing';

interface FiltersProps {
  filters: FilterValues;
  teams: readonly string[];
  sites: readonly SiteId[];
  grouping: Grouping;
  onChange(filters: FilterValues): void;
  onGrouping(grouping: Grouping): void;
}

/** Search, team, network and "doesn't follow me back" filters, and the grouping of the list. */
export function Filters({ filters, teams, sites, grouping, onChange, onGrouping }: FiltersProps) {
  const filtered = isFiltered(filters);
  const set = (part: Partial<FilterValues>) => onChange({ ...filters, ...part });
  return (
    <search class="controls">
      <label class="visually-hidden" for="gap-search">
        {t('popup_filter_searchLabel')}
      </label>
      <input
        id="gap-search"
        type="search"
        data-testid="gap-search"
        placeholder={t('popup_filter_searchPlaceholder')}
        value={filters.query}
        onInput={(event) => set({ query: event.currentTarget.value })}
      />
      <div class="control-row">
        <label class="visually-hidden" for="team-filter">
          {t('popup_filter_team')}
        </label>
        <select
          id="team-filter"
          data-testid="team-filter"
          value={filters.team}
          disabled={teams.length === 0}
          onChange={(event) => set({ team: event.currentTarget.value })}
        >
          <option value="">{t('popup_filter_allTeams')}</option>
          {teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for="site-filter">
          {t('popup_filter_network')}
        </label>
        <select
          id="site-filter"
          data-testid="site-filter"
          value={filters.site}
          onChange={(event) => set({ site: event.currentTarget.value as SiteId | '' })}
        >
          <option value="">{t('popup_filter_allNetworks')}</option>
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
          onClick={() => onGrouping(grouping === 'teammate' ? 'network' : 'teammate')}
        >
          {grouping === 'teammate' ? t('popup_filter_byNetwork') : t('popup_filter_byTeammate')}
        </button>
      </div>
      <label title={t('popup_filter_notFollowingBackHint')}>
        <input
          type="checkbox"
          data-testid="not-following-back-filter"
          checked={Boolean(filters.notFollowingBack)}
          onChange={(event) => set({ notFollowingBack: event.currentTarget.checked })}
        />{' '}
        {t('popup_filter_notFollowingBack')}
      </label>
      {filtered && (
        <button type="button" class="link-button" onClick={() => onChange(NO_FILTERS)}>
          {t('popup_filter_clear')}
        </button>
      )}
    </search>
  );
}
