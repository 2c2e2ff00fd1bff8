// @vitest-environment happy-dom
import { afterEach, expect, it } from 'vitest';
import { allByTestId, byTestId, type Mounted, mount } from '../../tests/helpers/mount';
import type { PublishReport } from '../../utils/api/publish-team';
import { PublishSectionReport, summaryWords } from './PublishSectionReport';

let page: Mounted;
afterEach(() => page?.unmount());

const LEAD = 'did:plc:leadleadleadleadleadlead';
const report: PublishReport = {
  listUri: `at://${LEAD}/app.bsky.graph.list/3lkqvbxmwcp2a`,
  list: 'updated',
  starterPackUri: `at://${LEAD}/app.bsky.graph.starterpack/3lkqvd2ta6c2a`,
  starterPack: 'unchanged',
  items: [
    { name: 'Ada', handle: 'ada.bsky.social', status: 'added' },
    {
      name: 'Gus',
      handle: 'gus.bsky.social',
      status: 'not-found',
      error: 'Bluesky does not know this handle',
    },
    { name: 'Bo', handle: 'bo.bsky.social', status: 'failed', error: 'Bluesky answered HTTP 400: blocked' },
  ],
  stopped: "Bluesky's rate limit is reached: run it again later to add the rest.",
};

it('sums a run up in one sentence', () => {
  expect(summaryWords(report)).toBe(
    'List updated. 1 added, 0 there already, 1 not found on Bluesky, and 1 failed.',
  );
  expect(summaryWords({ listUri: report.listUri, list: 'unchanged', items: [] })).toBe(
    'Nothing to change. 0 added and 0 there already.',
  );
});

it('lists each teammate with what happened and why, and links the list and the starter pack on bsky.app', async () => {
  page = await mount(<PublishSectionReport items={report.items} report={report} />);
  const root = page.container;
  expect(allByTestId(root, 'publish-item').map((li) => li.textContent)).toEqual([
    'Ada (ada.bsky.social): added to the list',
    'Gus (gus.bsky.social): not found on Bluesky: Bluesky does not know this handle',
    'Bo (bo.bsky.social): could not be added: Bluesky answered HTTP 400: blocked',
  ]);
  expect(byTestId(root, 'publish-summary').dataset).toMatchObject({
    list: 'updated',
    added: '1',
    writes: '2',
  });
  expect(byTestId(root, 'publish-summary').textContent).toContain('rate limit');
  expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
    `https://bsky.app/profile/${LEAD}/lists/3lkqvbxmwcp2a`,
    `https://bsky.app/starter-pack/${LEAD}/3lkqvd2ta6c2a`,
  ]);
});
