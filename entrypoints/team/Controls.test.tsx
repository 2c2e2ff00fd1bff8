// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { byTestId, click, type Mounted, mount, typeInto } from '../../tests/helpers/mount';
import { Controls } from './Controls';
import { NO_TEAM_FILTERS, type TeamFilters } from './filter';

let page: Mounted | undefined;
afterEach(() => page?.unmount());

async function draw(filters: TeamFilters = NO_TEAM_FILTERS, shown = 3) {
  const onFilters = vi.fn();
  const onSort = vi.fn();
  page = await mount(
    <Controls
      filters={filters}
      sort="name"
      teams={['Design', 'Platform']}
      shown={shown}
      total={3}
      onFilters={onFilters}
      onSort={onSort}
    />,
  );
  return { root: page.container, onFilters, onSort };
}

const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

it('changes each filter and the sort', async () => {
  const { root, onFilters, onSort } = await draw();
  await typeInto(byTestId<HTMLInputElement>(root, 'team-search'), 'ada');
  expect(onFilters).toHaveBeenLastCalledWith({ ...NO_TEAM_FILTERS, query: 'ada' });
  await choose(byTestId(root, 'team-filter'), 'Design');
  expect(onFilters).toHaveBeenLastCalledWith({ ...NO_TEAM_FILTERS, team: 'Design' });
  await choose(byTestId(root, 'network-filter'), 'github');
  expect(onFilters).toHaveBeenLastCalledWith({ ...NO_TEAM_FILTERS, site: 'github' });
  await click(byTestId(root, 'not-following-back'));
  expect(onFilters).toHaveBeenLastCalledWith({ ...NO_TEAM_FILTERS, notFollowingBack: true });
  await choose(byTestId(root, 'team-sort'), 'gaps');
  expect(onSort).toHaveBeenLastCalledWith('gaps');
});

it('labels every control', async () => {
  const { root } = await draw();
  for (const id of ['team-search', 'team-filter', 'network-filter', 'team-sort'])
    expect(root.querySelector(`label[for="${id}"]`)?.textContent).toBeTruthy();
  expect(byTestId(root, 'network-filter').querySelectorAll('option')).toHaveLength(12);
});

it('says how many are shown and clears the filters', async () => {
  const { root, onFilters } = await draw({ ...NO_TEAM_FILTERS, team: 'Design' }, 1);
  expect(byTestId(root, 'shown-count').textContent).toBe('1 of 3 teammates');
  await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters') ?? null);
  expect(onFilters).toHaveBeenLastCalledWith(NO_TEAM_FILTERS);
});
