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
        Search by name, handle or team
      </label>
      <input
        id="gap-search"
        type="search"
        data-testid="gap-search"
        placeholder="Search name, handle, team"
        value={filters.query}
        onInput={(event) => set({ query: event.currentTarget.value })}
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
          onChange={(event) => set({ team: event.currentTarget.value })}
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
          onChange={(event) => set({ site: event.currentTarget.value as SiteId | '' })}
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
          onClick={() => onGrouping(grouping === 'teammate' ? 'network' : 'teammate')}
        >
          {grouping === 'teammate' ? 'Group by network' : 'Group by teammate'}
        </button>
      </div>
      <label title="Accounts recorded as not following you; unknown ones are left out">
        <input
          type="checkbox"
          data-testid="not-following-back-filter"
          checked={Boolean(filters.notFollowingBack)}
          onChange={(event) => set({ notFollowingBack: event.currentTarget.checked })}
        />{' '}
        Doesn't follow me back
      </label>
      {filtered && (
        <button type="button" class="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </search>
  );
}
