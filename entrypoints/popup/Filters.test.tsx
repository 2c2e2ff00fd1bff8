// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { byTestId, type Mounted, mount } from '../../tests/helpers/mount';
import { Filters } from './Filters';
import { type Filters as FilterValues, NO_FILTERS } from './row-filters';

let page: Mounted;
afterEach(() => page?.unmount());

it("turns the doesn't-follow-me-back filter on and off, and offers Clear filters while it is on", async () => {
  const changes: FilterValues[] = [];
  const draw = (filters: FilterValues) => (
    <Filters
      filters={filters}
      teams={[]}
      sites={['bluesky']}
      grouping="teammate"
      onChange={(next) => changes.push(next)}
      onGrouping={() => undefined}
    />
  );
  page = await mount(draw(NO_FILTERS));
  const box = byTestId<HTMLInputElement>(page.container, 'not-following-back-filter');
  expect(box.checked).toBe(false);
  expect(page.container.textContent).toContain("Doesn't follow me back");
  expect(page.container.textContent).not.toContain('Clear filters');

  await act(() => box.click());
  expect(changes.at(-1)).toEqual({ ...NO_FILTERS, notFollowingBack: true });

  page.unmount();
  page = await mount(draw({ ...NO_FILTERS, notFollowingBack: true }));
  expect(byTestId<HTMLInputElement>(page.container, 'not-following-back-filter').checked).toBe(true);
  expect(page.container.textContent).toContain('Clear filters');
});
