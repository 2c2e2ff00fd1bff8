// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { allByTestId, byTestId, type Mounted, mount } from '../../tests/helpers/mount';
import { buildMatrix } from './matrix';
import { SummaryRow } from './SummaryRow';
import { summarize } from './summary';
import { FOLLOWS, TEAM } from './team.cases';

let page: Mounted | undefined;
afterEach(() => page?.unmount());

it('shows per network how many are followed, not followed and not checked', async () => {
  page = await mount(
    <table>
      <thead>
        <SummaryRow summaries={summarize(buildMatrix(TEAM, FOLLOWS))} shown={3} />
      </thead>
    </table>,
  );
  const row = byTestId(page.container, 'matrix-summary');
  expect(row.querySelector('th')?.textContent).toContain('3 teammates');
  const cells = allByTestId(row, 'summary-cell');
  expect(cells).toHaveLength(11);
  const x = cells.find((c) => c.dataset.site === 'x') as HTMLElement;
  expect(x.dataset).toMatchObject({ followed: '1', notFollowed: '1', notChecked: '0' });
  expect(x.textContent).toContain('1 requested');
  expect(x.title).toBe('X: 1 followed · 1 requested · 1 not followed · 0 not checked');
  const mastodon = cells.find((c) => c.dataset.site === 'mastodon') as HTMLElement;
  expect(mastodon.textContent).toContain('1 not checked');
  expect(mastodon.textContent).not.toContain('requested');
});
