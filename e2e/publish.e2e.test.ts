import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, importRoster, launchExtension, resetData } from './harness';
import { type Answer, type LocalHttps, startLocalHttps } from './https-server';
import { PublishPage } from './pages/publish';

// Publishing the team from the options page against a local stand-in for Bluesky (the public AppView and the PDS):
// one curate list with one item per Bluesky teammate, and a second run that writes nothing.

const TEAM = ['p1.bsky.social', 'p2.bsky.social', 'p3.bsky.social'];
const didOf = (handle: string) => `did:plc:${handle.slice(0, 2).padEnd(24, 'q')}`;
const LEAD = { handle: 'lead.bsky.social', did: 'did:plc:leadleadleadleadleadlead' };

/** The fake account's repository: at:// URI → record, and every write request it took. */
const repo = new Map<string, { collection: string; value: { [key: string]: unknown } }>();
const writes: string[] = [];

async function serve(request: IncomingMessage, body: string): Promise<Answer | undefined> {
  const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
  const json = (value: unknown, status = 200) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  const authed = request.headers.authorization === 'Bearer jwt';
  switch (`${url.hostname}${url.pathname}`) {
    case 'public.api.bsky.app/xrpc/app.bsky.actor.getProfiles':
      return json({
        profiles: url.searchParams.getAll('actors').map((handle) => ({ did: didOf(handle), handle })),
      });
    case 'bsky.social/xrpc/com.atproto.server.createSession':
      return json({ accessJwt: 'jwt', refreshJwt: 'refresh', handle: LEAD.handle, did: LEAD.did });
    case 'bsky.social/xrpc/com.atproto.repo.createRecord': {
      if (!authed) return json({ error: 'AuthenticationRequired' }, 401);
      const { repo: owner, collection, record } = JSON.parse(body);
      if (owner !== LEAD.did) return json({ error: 'InvalidRequest' }, 400);
      const uri = `at://${LEAD.did}/${collection}/3l${String(repo.size).padStart(11, 'a')}`;
      repo.set(uri, { collection, value: record });
      writes.push(collection);
      return json({ uri, cid: 'bafyreib' });
    }
    case 'bsky.social/xrpc/com.atproto.repo.putRecord':
      writes.push('putRecord');
      return json({ error: 'InvalidRequest' }, 400);
    case 'bsky.social/xrpc/com.atproto.repo.getRecord': {
      const uri = `at://${url.searchParams.get('repo')}/${url.searchParams.get('collection')}/${url.searchParams.get('rkey')}`;
      const found = repo.get(uri);
      return found
        ? json({ uri, cid: 'bafyreib', value: found.value })
        : json({ error: 'RecordNotFound' }, 400);
    }
    case 'bsky.social/xrpc/com.atproto.repo.listRecords':
      return json({
        records: [...repo]
          .filter(([, record]) => record.collection === url.searchParams.get('collection'))
          .map(([uri, record]) => ({ uri, cid: 'bafyreib', value: record.value })),
      });
  }
  return undefined;
}

let server: LocalHttps;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startLocalHttps(serve);
  ext = await launchExtension(server.chromiumArgs(['public.api.bsky.app', 'bsky.social']));
  await resetData(ext);
  const roster = [
    'name,github,bluesky',
    'Gita Hub,gitahub,',
    ...TEAM.map((handle, i) => `Pat ${i + 1},,${handle}`),
  ];
  expect(await importRoster(ext, 'team.csv', roster.join('\n'))).toEqual({ imported: 4, rejected: 0 });
  await ext.worker.evaluate(
    ([handle]) =>
      // @ts-expect-error: the worker's own `chrome`, not typed in this Node test file.
      chrome.storage.local.set({
        connections: { bluesky: { handle, appPassword: 'abcd-efgh-ijkl-mnop' } },
        pacing: { bluesky: 0 },
      }),
    [LEAD.handle],
  );
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const listItems = () =>
  [...repo.values()].filter((record) => record.collection === 'app.bsky.graph.listitem');

describe('publish the team on Bluesky', () => {
  it('creates one curate list with one item per Bluesky teammate, each reported', async () => {
    const publish = await PublishPage.open(ext);
    expect(await publish.teammates()).toBe('3');
    await publish.publish();
    await publish.summary.waitFor({ timeout: 30_000 });
    expect(await publish.summary.getAttribute('data-list')).toBe('created');
    expect(await publish.summary.getAttribute('data-added')).toBe('3');
    expect(await publish.items()).toEqual(TEAM.map((handle) => [handle, 'added']));

    const lists = [...repo].filter(([, record]) => record.collection === 'app.bsky.graph.list');
    expect(lists).toHaveLength(1);
    const [listUri, list] = lists[0] as (typeof lists)[number];
    expect(list.value).toMatchObject({
      $type: 'app.bsky.graph.list',
      purpose: 'app.bsky.graph.defs#curatelist',
      name: 'Team',
    });
    expect(listItems().map((item) => item.value.subject)).toEqual(TEAM.map(didOf));
    expect(listItems().every((item) => item.value.list === listUri)).toBe(true);
    await publish.close();
  });

  it('changes nothing on a second run, from a page opened again', async () => {
    const before = writes.length;
    const publish = await PublishPage.open(ext);
    await publish.publish();
    await publish.summary.waitFor({ timeout: 30_000 });
    expect(await publish.summary.getAttribute('data-writes')).toBe('0');
    expect(await publish.items()).toEqual(TEAM.map((handle) => [handle, 'already']));
    expect(writes.length).toBe(before);
    expect(listItems()).toHaveLength(3);
    await publish.close();
  });
});
