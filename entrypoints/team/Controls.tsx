import { Field } from '../../components/Field';
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

const SORTS: [TeamSort, string][] = [
  ['name', 'Name'],
  ['team', 'Team'],
  ['gaps', 'Most not followed'],
];

/** Search, team, network and "doesn't follow me back" filters, and the order of the rows. */
export function Controls({ filters, sort, teams, shown, total, onFilters, onSort }: ControlsProps) {
  const set = (part: Partial<TeamFilters>) => onFilters({ ...filters, ...part });
  return (
    <search class="controls" aria-label="Filter and sort the teammates">
      <Field id="team-search" label="Search">
        {(control) => (
          <input
            {...control}
            type="search"
            data-testid="team-search"
            placeholder="Name, handle or team"
            value={filters.query}
            onInput={(event) => set({ query: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="team-filter" label="Team">
        {(control) => (
          <select
            {...control}
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
        )}
      </Field>
      <Field id="network-filter" label="Network">
        {(control) => (
          <select
            {...control}
            data-testid="network-filter"
            value={filters.site}
            onChange={(event) => set({ site: event.currentTarget.value as SiteId | '' })}
          >
            <option value="">All networks</option>
            {SITE_IDS.map((site) => (
              <option key={site} value={site}>
                {siteById(site).name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="team-sort" label="Sort by">
        {(control) => (
          <select
            {...control}
            data-testid="team-sort"
            value={sort}
            onChange={(event) => onSort(event.currentTarget.value as TeamSort)}
          >
            {SORTS.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
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
        Doesn’t follow me back
      </label>
      <p class="shown muted" data-testid="shown-count" aria-live="polite">
        {shown === total ? `${total} teammates` : `${shown} of ${total} teammates`}
      </p>
      {isFiltered(filters) && (
        <button type="button" class="link-button" onClick={() => onFilters(NO_TEAM_FILTERS)}>
          Clear filters
        </button>
      )}
    </search>
  );
}
