import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, importRoster, launchExtension, resetData } from './harness';
import { type Answer, type LocalHttps, startLocalHttps } from './https-server';
import { OptionsPage } from './pages/options';

// "Fill in all" end to end: a teammate with only a GitHub account, a local stand-in for GitHub's public API that
// names their X and Bluesky accounts, the review with each suggestion's provenance, and only the ticked ones added.

const LOGIN = 'ada-gh';

/** The paths the fake GitHub was asked for, in order. */
const asked: string[] = [];

async function serve(request: IncomingMessage): Promise<Answer | undefined> {
  const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
  asked.push(`${url.hostname}${url.pathname}`);
  const json = (value: unknown) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  switch (`${url.hostname}${url.pathname}`) {
    case `api.github.com/users/${LOGIN}/social_accounts`:
      return json([
        { provider: 'twitter', url: 'https://twitter.com/ada_x' },
        { provider: 'bluesky', url: 'https://bsky.app/profile/ada.bsky.social' },
      ]);
    case `api.github.com/users/${LOGIN}`:
      return json({ login: LOGIN, name: 'Ada', twitter_username: 'ada_x', blog: 'https://ada.example.org' });
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
  const roster = ['name,github', `Ada Lovelace,${LOGIN}`].join('\n');
  expect(await importRoster(ext, 'team.csv', roster)).toEqual({ imported: 1, rejected: 0 });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('fill in from public profiles', () => {
  it("suggests the X and Bluesky accounts a teammate's GitHub names, and adds only the ticked ones", async () => {
    options = await OptionsPage.open(ext);
    await expect.poll(() => options.roster()).toEqual([`Ada Lovelace: github:${LOGIN}`]);

    await options.fillInAll.click();
    await options.fillInReview.waitFor();
    // Both accounts, each once (GitHub's twitter_username repeats the X one), and nothing from the blog.
    await expect
      .poll(() => options.suggestions())
      .toEqual(['x:ada_x (claimed on GitHub)', 'bluesky:ada.bsky.social (claimed on GitHub)']);
    expect(await options.page.locator('[data-testid="fill-in-teammate"] legend').textContent()).toBe(
      'Ada Lovelace',
    );
    expect(asked).toEqual([`api.github.com/users/${LOGIN}/social_accounts`, `api.github.com/users/${LOGIN}`]);
    // What a person merely wrote is not ticked for them: nothing is added until the user ticks it.
    expect(await options.fillInTick('x:ada_x').isChecked()).toBe(false);
    expect(await options.fillInTick('bluesky:ada.bsky.social').isChecked()).toBe(false);
    expect(await options.fillInAdd.textContent()).toBe('Add 0 ticked');
    expect(await options.fillInAdd.isDisabled()).toBe(true);
    expect(await options.roster()).toEqual([`Ada Lovelace: github:${LOGIN}`]);

    await options.fillInTick('x:ada_x').check();
    await options.fillInTick('bluesky:ada.bsky.social').check();
    expect(await options.fillInAdd.textContent()).toBe('Add 2 ticked');
    await options.fillInAdd.click();
    await expect.poll(() => options.fillInNotice.textContent()).toBe('Added 2 accounts.');
    await expect
      .poll(() => options.roster())
      .toEqual([`Ada Lovelace: bluesky:ada.bsky.social, github:${LOGIN}, x:ada_x`]);
    // The added suggestions leave the review.
    expect(await options.suggestions()).toEqual([]);

    // Saved, not only shown: a fresh page reads the same roster.
    await options.close();
    options = await OptionsPage.open(ext);
    await expect
      .poll(() => options.roster())
      .toEqual([`Ada Lovelace: bluesky:ada.bsky.social, github:${LOGIN}, x:ada_x`]);
  });

  it('suggests nothing the second time: the roster holds those accounts now', async () => {
    await options.fillInAll.click();
    await options.page.locator('[data-testid="fill-in-none"]').waitFor();
    expect(await options.suggestions()).toEqual([]);
    await options.close();
  });
});
