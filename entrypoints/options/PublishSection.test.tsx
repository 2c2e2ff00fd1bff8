// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allByTestId, byTestId, click, type Mounted, mount, waitFor } from '../../tests/helpers/mount';
import type { Fetch } from '../../utils/api/http';
import { closeDb, getDb, putMember } from '../../utils/db';
import type { Member } from '../../utils/model';
import { blueskyPublishedItem, connectionsItem } from '../../utils/settings';
import { PublishSection } from './PublishSection';

const LEAD = 'did:plc:leadleadleadleadleadlead';
const didOf = (handle: string) => `did:plc:${handle.split('.')[0]}`;

/** A stand-in for Bluesky: the AppView's getProfiles and the PDS's record calls, over an in-memory repository. */
function fakeBluesky() {
  const records = new Map<string, { collection: string; value: Record<string, unknown> }>();
  let next = 0;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch: Fetch = async (input, init = {}) => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : {};
    switch (url.pathname.replace('/xrpc/', '')) {
      case 'com.atproto.server.createSession':
        return json({ accessJwt: 'jwt', refreshJwt: 'r', handle: 'lead.bsky.social', did: LEAD });
      case 'app.bsky.actor.getProfiles':
        return json({
          profiles: url.searchParams.getAll('actors').map((handle) => ({ did: didOf(handle), handle })),
        });
      case 'com.atproto.repo.createRecord': {
        const uri = `at://${LEAD}/${body.collection}/r${next++}`;
        records.set(uri, { collection: body.collection, value: body.record });
        return json({ uri, cid: 'bafy' });
      }
      case 'com.atproto.repo.getRecord': {
        const uri = `at://${url.searchParams.get('repo')}/${url.searchParams.get('collection')}/${url.searchParams.get('rkey')}`;
        const found = records.get(uri);
        return found ? json({ uri, value: found.value }) : json({ error: 'RecordNotFound' }, 400);
      }
      case 'com.atproto.repo.listRecords': {
        const collection = url.searchParams.get('collection');
        return json({
          records: [...records]
            .filter(([, record]) => record.collection === collection)
            .map(([uri, record]) => ({ uri, value: record.value })),
        });
      }
    }
    return json({ error: 'MethodNotImplemented' }, 501);
  };
  return { fetch, records, writes: () => records.size };
}

const member = (id: string, accounts: Member['accounts']): Member => ({
  id,
  name: id.toUpperCase(),
  accounts,
  accountKeys: accounts.map((a) => `${a.site}:${a.handle}`),
});

let page: Mounted;
let bluesky: ReturnType<typeof fakeBluesky>;

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  bluesky = fakeBluesky();
  const db = await getDb();
  await putMember(db, member('ada', [{ site: 'bluesky', handle: 'ada.bsky.social' }]));
  await putMember(db, member('bo', [{ site: 'bluesky', handle: 'bo.bsky.social' }]));
  await putMember(db, member('cy', [{ site: 'github', handle: 'cy' }]));
});
afterEach(async () => {
  page?.unmount();
  await closeDb();
});

async function open() {
  page = await mount(<PublishSection fetch={bluesky.fetch} sleep={async () => undefined} />);
  const root = page.container;
  await waitFor(() => root.querySelector('[data-testid="publish-teammates"]'));
  return root;
}

it('asks for a connection with an app password and for the teammates’ agreement before it publishes', async () => {
  const root = await open();
  expect(byTestId(root, 'publish-teammates').dataset.count).toBe('2');
  expect(byTestId(root, 'publish-needs-connection')).toBeTruthy();
  expect(byTestId<HTMLButtonElement>(root, 'publish-run').disabled).toBe(true);

  page.unmount();
  await connectionsItem.setValue({
    bluesky: { handle: 'lead.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
  });
  const again = await open();
  expect(byTestId<HTMLButtonElement>(again, 'publish-run').disabled).toBe(true);
  await click(byTestId(again, 'publish-consent'));
  expect(byTestId<HTMLButtonElement>(again, 'publish-run').disabled).toBe(false);
});

it('creates one list with one item per Bluesky teammate and a starter pack, each item reported; a second run changes nothing', async () => {
  await connectionsItem.setValue({
    bluesky: { handle: 'lead.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
  });
  const root = await open();
  await click(byTestId(root, 'publish-starter-pack'));
  await click(byTestId(root, 'publish-consent'));
  await click(byTestId(root, 'publish-run'));
  const summary = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="publish-summary"]'));
  expect(summary.dataset).toMatchObject({ list: 'created', added: '2', already: '0', writes: '4' });
  expect(allByTestId(root, 'publish-item').map((li) => [li.dataset.handle, li.dataset.status])).toEqual([
    ['ada.bsky.social', 'added'],
    ['bo.bsky.social', 'added'],
  ]);
  const kinds = [...bluesky.records.values()].map((record) => record.collection);
  expect(kinds).toEqual([
    'app.bsky.graph.list',
    'app.bsky.graph.listitem',
    'app.bsky.graph.listitem',
    'app.bsky.graph.starterpack',
  ]);
  const list = [...bluesky.records.values()][0]?.value;
  expect(list).toMatchObject({ name: 'Team', purpose: 'app.bsky.graph.defs#curatelist' });
  const saved = await blueskyPublishedItem.getValue();
  expect(saved).toMatchObject({ list: { name: 'Team' }, starterPackName: 'Team' });
  expect(saved.listUri).toMatch(/app\.bsky\.graph\.list/);
  expect(root.querySelector('a[href^="https://bsky.app/profile/did:plc:lead"]')).toBeTruthy();

  await click(byTestId(root, 'publish-run'));
  await waitFor(
    () => root.querySelector<HTMLElement>('[data-testid="publish-summary"]')?.dataset.writes === '0',
  );
  expect(bluesky.writes()).toBe(4);
  expect(allByTestId(root, 'publish-item').map((li) => li.dataset.status)).toEqual(['already', 'already']);
  expect(byTestId(root, 'publish-summary').textContent).toContain(
    'Nothing to change. 0 added and 2 there already.',
  );
});

it('says why when Bluesky refuses the app password', async () => {
  await connectionsItem.setValue({ bluesky: { handle: 'lead.bsky.social', appPassword: 'wrong' } });
  const refusing: Fetch = async () => new Response('{"error":"AuthenticationRequired"}', { status: 401 });
  page = await mount(<PublishSection fetch={refusing} sleep={async () => undefined} />);
  const root = page.container;
  await waitFor(() => root.querySelector('[data-testid="publish-consent"]'));
  await click(byTestId(root, 'publish-consent'));
  await click(byTestId(root, 'publish-run'));
  const alert = await waitFor(() => root.querySelector('[role="alert"]'));
  expect(alert.textContent).toMatch(/app password/);
});
