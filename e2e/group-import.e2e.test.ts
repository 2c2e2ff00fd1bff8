import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, importRoster, launchExtension, resetData } from './harness';
import { type Answer, type LocalHttps, startLocalHttps } from './https-server';
import { OptionsPage } from './pages/options';

// "Import from a group" end to end: a GitHub organisation's public members and a Bluesky starter pack's people,
// read from local stand-ins for the public APIs, previewed (nothing saved), then imported into the roster.

const ORG = 'acme-corp';
const GITHUB_NAMES: Record<string, string | null> = { 'ada-gh': 'Ada Lovelace', 'grace-gh': 'Grace H.' };
// linus-gh has no readable profile (404): the login stands for the name.
const ORG_MEMBERS = ['ada-gh', 'grace-gh', 'linus-gh'];

const PACK = { handle: 'lead.bsky.social', did: 'did:plc:leadleadleadleadleadlead', rkey: '3kpackrkey22' };
const LIST_URI = `at://${PACK.did}/app.bsky.graph.list/3klistrkey22`;
const PACK_PEOPLE = [
  { did: 'did:plc:bea0bea0bea0bea0bea0bea0', handle: 'bea.bsky.social', displayName: 'Bea Bluesky' },
  { did: 'did:plc:cy00cy00cy00cy00cy00cy00', handle: 'cy.example.com' },
];

/** Every request the fake APIs answered, as `host path?query`. */
const asked: string[] = [];

async function serve(request: IncomingMessage): Promise<Answer | undefined> {
  const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
  asked.push(`${url.hostname}${url.pathname}${url.search}`);
  const json = (value: unknown, status = 200) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  const where = `${url.hostname}${url.pathname}`;
  if (where === `api.github.com/orgs/${ORG}/public_members`)
    return json(ORG_MEMBERS.map((login, id) => ({ login, id, type: 'User' })));
  const user = /^api\.github\.com\/users\/([^/]+)$/.exec(where)?.[1];
  if (user) {
    const name = GITHUB_NAMES[user];
    return name === undefined ? json({ message: 'Not Found' }, 404) : json({ login: user, name });
  }
  switch (where) {
    case 'public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle':
      return url.searchParams.get('handle') === PACK.handle
        ? json({ did: PACK.did })
        : json({ error: 'InvalidRequest', message: 'Unable to resolve handle' }, 400);
    case 'public.api.bsky.app/xrpc/app.bsky.graph.getStarterPack':
      return json({
        starterPack: {
          uri: url.searchParams.get('starterPack'),
          cid: 'bafy',
          record: { name: 'Team pack' },
          creator: { did: PACK.did, handle: PACK.handle },
          list: {
            uri: LIST_URI,
            cid: 'bafy',
            name: 'Team pack',
            purpose: 'app.bsky.graph.defs#referencelist',
          },
          indexedAt: '2026-01-01T00:00:00.000Z',
        },
      });
    case 'public.api.bsky.app/xrpc/app.bsky.graph.getList':
      if (url.searchParams.get('list') !== LIST_URI) return json({ error: 'NotFound' }, 400);
      return json({
        list: { uri: LIST_URI, name: 'Team pack' },
        items: PACK_PEOPLE.map((subject, i) => ({
          uri: `at://${PACK.did}/app.bsky.graph.listitem/${i}`,
          subject,
        })),
      });
  }
  return undefined;
}

let server: LocalHttps;
let ext: ExtensionBrowser;
let options: OptionsPage;

beforeAll(async () => {
  server = await startLocalHttps(serve);
  ext = await launchExtension(server.chromiumArgs(['api.github.com', 'public.api.bsky.app']));
  await resetData(ext);
  // Grace is on the roster already, under the name the team knows her by.
  expect(await importRoster(ext, 'team.csv', 'name,github\nGrace Hopper,grace-gh')).toEqual({
    imported: 1,
    rejected: 0,
  });
  options = await OptionsPage.open(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('import from a group', () => {
  it("previews a GitHub organisation's public members, saves nothing, then imports them", async () => {
    await expect.poll(() => options.roster()).toEqual(['Grace Hopper: github:grace-gh']);
    expect(await options.groupSource.inputValue()).toBe('github');
    await options.groupSource.selectOption('github');
    await options.groupOrg.fill(ORG);
    await options.groupPreviewButton.click();
    await options.groupPreview.waitFor();

    expect(await options.groupPreview.getAttribute('data-count')).toBe('3');
    expect(await options.previewMembers()).toEqual([
      'Ada Lovelace (ada-gh)',
      'Grace H. (grace-gh)',
      'linus-gh (linus-gh)',
    ]);
    const text = await options.groupPreview.textContent();
    expect(text).toContain(`The GitHub organisation ${ORG}: 3 people, 1 already on the roster`);
    expect(text).toContain('(on the roster)');
    expect(await options.groupImportButton.textContent()).toBe('Import 3');
    expect(asked.filter((a) => a.startsWith('api.github.com'))).toEqual([
      `api.github.com/orgs/${ORG}/public_members?per_page=100&page=1`,
      'api.github.com/users/ada-gh',
      'api.github.com/users/grace-gh',
      'api.github.com/users/linus-gh',
    ]);
    // A preview writes nothing.
    expect(await options.roster()).toEqual(['Grace Hopper: github:grace-gh']);

    await options.groupImportButton.click();
    await options.groupSummary.waitFor();
    expect(await options.groupSummary.getAttribute('data-imported')).toBe('3');
    expect(await options.groupSummary.getAttribute('data-rejected')).toBe('0');
    expect(await options.groupSummary.getAttribute('data-leavers')).toBe('0');
    expect(await options.groupSummary.textContent()).toContain(`The GitHub organisation ${ORG}:`);
    expect(await options.groupSummary.locator('[data-testid="import-joiners"]').textContent()).toContain(
      'Ada Lovelace and linus-gh',
    );
    expect(await options.groupPreview.count()).toBe(0);
    // Grace keeps the roster's name for her; nobody is doubled.
    await expect
      .poll(() => options.roster())
      .toEqual(['Ada Lovelace: github:ada-gh', 'Grace Hopper: github:grace-gh', 'linus-gh: github:linus-gh']);
  });

  it("previews a Bluesky starter pack's people, saves nothing, then imports them", async () => {
    asked.length = 0;
    await options.groupSource.selectOption('bluesky');
    await options.groupBlueskyUrl.fill(`https://bsky.app/starter-pack/${PACK.handle}/${PACK.rkey}`);
    await options.groupPreviewButton.click();
    await options.groupPreview.waitFor();

    expect(await options.groupPreview.getAttribute('data-count')).toBe('2');
    expect(await options.previewMembers()).toEqual([
      'Bea Bluesky (bea.bsky.social)',
      'cy.example.com (cy.example.com)',
    ]);
    expect(await options.groupPreview.textContent()).toContain(
      `The Bluesky starter pack of ${PACK.handle}: 2 people.`,
    );
    const xrpc = (nsid: string, params: Record<string, string>) =>
      `public.api.bsky.app/xrpc/${nsid}?${new URLSearchParams(params)}`;
    expect(asked).toEqual([
      xrpc('com.atproto.identity.resolveHandle', { handle: PACK.handle }),
      xrpc('app.bsky.graph.getStarterPack', {
        starterPack: `at://${PACK.did}/app.bsky.graph.starterpack/${PACK.rkey}`,
      }),
      xrpc('app.bsky.graph.getList', { list: LIST_URI, limit: '100' }),
    ]);
    const before = [
      'Ada Lovelace: github:ada-gh',
      'Grace Hopper: github:grace-gh',
      'linus-gh: github:linus-gh',
    ];
    expect(await options.roster()).toEqual(before);

    await options.groupImportButton.click();
    await options.groupSummary.waitFor();
    expect(await options.groupSummary.getAttribute('data-imported')).toBe('2');
    expect(await options.groupSummary.getAttribute('data-rejected')).toBe('0');
    expect(await options.groupSummary.textContent()).toContain(`The Bluesky starter pack of ${PACK.handle}:`);
    await expect
      .poll(() => options.roster())
      .toEqual(
        [...before, 'Bea Bluesky: bluesky:bea.bsky.social', 'cy.example.com: bluesky:cy.example.com'].sort(),
      );

    // Saved, not only shown: a fresh page reads the same roster.
    await options.close();
    options = await OptionsPage.open(ext);
    await expect.poll(() => options.roster()).toHaveLength(5);
  });
});
