import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, fixture, importRoster, launchExtension, resetData } from './harness';
import { type Answer, type LocalHttps, startLocalHttps } from './https-server';
import { FlagPage } from './pages/flag';
import { PopupPage } from './pages/popup';

// The popup end to end: gaps from recorded states, a follow that takes the user to the profile (the user's own
// click on the site's button follows), and Bluesky's "Check all" / "Follow all" of the ticked teammates against a
// local stand-in for the public API, with a rate limit and a refusal in the middle.

const TEAM = ['b1.bsky.social', 'b2.bsky.social', 'b3.bsky.social'];
const didOf = (handle: string) => `did:plc:${handle.slice(0, 2).padEnd(24, 'q')}`;
const LEAD = { handle: 'lead.bsky.social', did: 'did:plc:leadleadleadleadleadlead' };

/** What the fake Bluesky saw: follow records created per subject, and how many times it said "slow down". */
const bluesky = { follows: new Map<string, number>(), rateLimited: 0 };

async function serve(request: IncomingMessage, body: string): Promise<Answer | undefined> {
  const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
  const json = (value: unknown, status = 200, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  });
  if (url.hostname === 'x.com' && url.pathname === '/xavier_dev') {
    return { body: (await fixture('x/not-following.html')).replace(/alice_dev/gi, 'xavier_dev') };
  }
  switch (`${url.hostname}${url.pathname}`) {
    case 'public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle':
      return json({ did: LEAD.did });
    case 'public.api.bsky.app/xrpc/app.bsky.actor.getProfiles':
      return json({
        profiles: url.searchParams.getAll('actors').map((handle) => ({ did: didOf(handle), handle })),
      });
    case 'public.api.bsky.app/xrpc/app.bsky.graph.getRelationships':
      return json({
        actor: LEAD.did,
        relationships: url.searchParams.getAll('others').map((did) => ({
          $type: 'app.bsky.graph.defs#relationship',
          did,
          ...(bluesky.follows.has(did)
            ? { following: `at://${LEAD.did}/app.bsky.graph.follow/${did.slice(-4)}` }
            : {}),
        })),
      });
    case 'bsky.social/xrpc/com.atproto.server.createSession':
      return json({ accessJwt: 'jwt', refreshJwt: 'refresh', handle: LEAD.handle, did: LEAD.did });
    case 'bsky.social/xrpc/com.atproto.repo.createRecord': {
      const subject: string = JSON.parse(body).record.subject;
      // The second follow of the run is answered once with a rate limit, as Bluesky does.
      if (bluesky.follows.size === 1 && bluesky.rateLimited === 0) {
        bluesky.rateLimited++;
        return json({ error: 'RateLimitExceeded' }, 429, { 'retry-after': '1' });
      }
      // The second teammate cannot be followed (say, they block the lead): one failure in the report.
      if (subject === didOf(TEAM[1] as string))
        return json({ error: 'InvalidRequest', message: 'cannot follow this account' }, 400);
      bluesky.follows.set(subject, (bluesky.follows.get(subject) ?? 0) + 1);
      return json({ uri: `at://${LEAD.did}/app.bsky.graph.follow/${subject.slice(-4)}`, cid: 'bafy' });
    }
  }
  return undefined;
}

let server: LocalHttps;
let ext: ExtensionBrowser;
let popup: PopupPage;

beforeAll(async () => {
  server = await startLocalHttps(serve);
  ext = await launchExtension(server.chromiumArgs(['x.com', 'public.api.bsky.app', 'bsky.social']));
  await resetData(ext);
  const roster = [
    'name,x,bluesky',
    'Xavier Dev,xavier_dev,',
    ...TEAM.map((handle, i) => `Bee ${i + 1},,${handle}`),
  ].join('\n');
  expect(await importRoster(ext, 'team.csv', roster)).toEqual({ imported: 4, rejected: 0 });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const gapRows = () => popup.gapRows;
const gapCount = () => popup.gapCount();

async function openPopup() {
  popup = await PopupPage.open(ext);
}

describe('popup', () => {
  it('lists the gaps recorded on visited pages, and accounts never checked apart', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/xavier_dev');
    await expect.poll(() => new FlagPage(page).state()).toBe('not-following');
    await page.close();

    await openPopup();
    await expect.poll(gapCount).toBe('1');
    expect(await gapRows().count()).toBe(1);
    expect(await gapRows().first().getAttribute('data-site')).toBe('x');
    expect(await gapRows().first().getAttribute('data-handle')).toBe('xavier_dev');
    expect(await gapRows().first().getAttribute('data-state')).toBe('not-following');
    expect(await popup.unknownRows.count()).toBe(3);
  });

  it("takes you to an X gap's profile in front, where your own click on X's button follows", async () => {
    const opened = ext.context.waitForEvent('page');
    await gapRows().first().locator('[data-testid="follow-button"]').click();
    const tab = await opened;
    await tab.waitForURL('https://x.com/xavier_dev');
    const flag = new FlagPage(tab);
    await expect.poll(() => flag.state()).toBe('not-following');
    // The flag points at X's own button: focused and ringed, not pressed.
    await flag.ring.waitFor({ state: 'attached' });
    const control = await flag.focusedControl();
    expect(await control.getAttribute('data-testid')).toMatch(/-follow$/);
    await tab.waitForTimeout(500);
    expect(await flag.state()).toBe('not-following');
    // The user's own click on X's button.
    await control.click();
    await expect.poll(() => flag.state()).toBe('following');
    await tab.close();

    await popup.close();
    await openPopup();
    await expect.poll(gapCount).toBe('0');
    expect(await gapRows().count()).toBe(0);
  });

  it('checks all and follows all on Bluesky, waiting out a rate limit, doing nothing twice', async () => {
    await ext.worker.evaluate(
      ([handle]) =>
        // @ts-expect-error: the worker's own `chrome`, not typed in this Node test file.
        chrome.storage.local.set({
          connections: { bluesky: { handle, appPassword: 'abcd-efgh-ijkl-mnop' } },
          pacing: { bluesky: 0 },
        }),
      [LEAD.handle],
    );
    await popup.page.reload();
    await popup.bulkButton('check-all', 'bluesky').click();
    await expect.poll(gapCount, { timeout: 10_000 }).toBe('3');
    expect(await popup.unknownRows.count()).toBe(0);

    await popup.bulkButton('follow-all', 'bluesky').click();
    // The review lists exactly who would be followed, all ticked: the user unticks the third.
    expect(await popup.ticks.evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-handle')))).toEqual(
      TEAM,
    );
    await popup.tick(TEAM[2] as string).uncheck();
    await popup.confirmFollowAll.click();
    const progress = popup.progress('bluesky');
    // The check-all run before it also ended `done`: wait for this run's own end.
    const followRun = async () =>
      `${await progress.getAttribute('aria-label')}: ${await progress.getAttribute('data-status')}`;
    await expect.poll(followRun, { timeout: 30_000 }).toBe('Follow all on Bluesky: done');
    // Only the ticked teammate who could be followed was: the refused one and the unticked one stay gaps.
    await expect.poll(gapCount).toBe('2');
    expect(bluesky.rateLimited).toBe(1);
    expect([...bluesky.follows.entries()]).toEqual([[didOf(TEAM[0] as string), 1]]);
    const report = await popup.runReport.textContent();
    expect(report).toContain('1 failed');
    expect(report).toContain('1 skipped');
    expect(report).toContain(`${TEAM[1]}:`);
  });
});
