// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { github } from '../sites/github';
import { mastodon } from '../sites/mastodon';
import { x } from '../sites/x';
import { type BootPage, bootSite, readerWanted, windowBootPage } from './boot';

/** A page at `href` whose navigations the test makes; `answers` are the background's replies, in order. */
function fakePage(href: string, host: string, answers: (boolean | Error)[] = [true]) {
  let check = () => {};
  let resolveAsk: (loaded: boolean) => void = () => {};
  const page = {
    host,
    href: () => href,
    stopped: false,
    onNavigate: vi.fn((listener: () => void) => {
      check = listener;
      return () => {
        page.stopped = true;
      };
    }),
    loadReader: vi.fn(() => {
      const answer = answers.shift() ?? true;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    }),
    /** A load that stays pending until `settle` is called. */
    pending: () => {
      page.loadReader.mockImplementationOnce(() => new Promise((resolve) => (resolveAsk = resolve)));
    },
    settle: (loaded: boolean) => resolveAsk(loaded),
    go: async (url: string) => {
      href = url;
      check();
      await Promise.resolve();
      await Promise.resolve();
    },
  } satisfies BootPage & Record<string, unknown>;
  return page;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bootSite', () => {
  it('asks for nothing on pages that are neither a profile nor a following list', async () => {
    const page = fakePage('https://x.com/home', 'x.com');
    bootSite(x, page);
    await page.go('https://x.com/explore');
    await page.go('https://x.com/alice/status/1');
    await page.go('https://x.com/settings/profile');
    expect(page.loadReader).not.toHaveBeenCalled();
    expect(page.stopped).toBe(false);
  });

  it('loads the reader at once on a profile, then stops watching', async () => {
    const page = fakePage('https://x.com/alice', 'x.com');
    bootSite(x, page);
    await settled();
    expect(page.loadReader).toHaveBeenCalledTimes(1);
    expect(page.stopped).toBe(true);
  });

  it('loads the reader on the first client-side navigation to a profile or a following list', async () => {
    const toProfile = fakePage('https://github.com/', 'github.com');
    bootSite(github, toProfile);
    await toProfile.go('https://github.com/explore');
    expect(toProfile.loadReader).not.toHaveBeenCalled();
    await toProfile.go('https://github.com/octocat');
    expect(toProfile.loadReader).toHaveBeenCalledTimes(1);

    const toList = fakePage('https://x.com/home', 'x.com');
    bootSite(x, toList);
    await toList.go('https://x.com/alice/following');
    expect(toList.loadReader).toHaveBeenCalledTimes(1);
  });

  it('asks once while the answer is on its way', async () => {
    const page = fakePage('https://x.com/home', 'x.com');
    bootSite(x, page);
    page.pending();
    await page.go('https://x.com/alice');
    await page.go('https://x.com/bob');
    expect(page.loadReader).toHaveBeenCalledTimes(1);
    page.settle(true);
    await settled();
    expect(page.stopped).toBe(true);
  });

  it('asks again at the next profile after a refusal or a failed call, and not in between', async () => {
    const page = fakePage('https://x.com/alice', 'x.com', [false, new Error('worker restarting'), true]);
    bootSite(x, page);
    await settled();
    await page.go('https://x.com/home');
    expect(page.loadReader).toHaveBeenCalledTimes(1);
    await page.go('https://x.com/bob');
    await settled();
    await page.go('https://x.com/carol');
    await settled();
    expect(page.loadReader).toHaveBeenCalledTimes(3);
    expect(page.stopped).toBe(true);
  });

  it('reads a Mastodon profile on the instance the page is on', () => {
    expect(readerWanted(mastodon, 'https://social.example/@alice', 'social.example')).toBe(true);
    expect(readerWanted(mastodon, 'https://social.example/home', 'social.example')).toBe(false);
    expect(readerWanted(mastodon, 'https://social.example/@alice', 'other.example')).toBe(false);
  });
});

describe('windowBootPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('hears navigations from the Navigation API where the browser has it, and stops hearing them', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const check = vi.fn();
    const stop = windowBootPage().onNavigate(check);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(check).toHaveBeenCalledTimes(1);
    stop();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('looks at the address every second where the browser has no Navigation API', () => {
    vi.stubGlobal('navigation', undefined);
    vi.useFakeTimers();
    const check = vi.fn();
    const stop = windowBootPage().onNavigate(check);
    vi.advanceTimersByTime(3000);
    expect(check).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(3000);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('sends the one message the boot may send, through `browser` where it exists, else `chrome`', async () => {
    const chromeSend = vi.fn(async () => ({ ok: true }));
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime: { sendMessage: chromeSend } });
    expect(await windowBootPage().loadReader()).toBe(true);
    expect(chromeSend).toHaveBeenCalledWith({ type: 'load-reader' });

    const browserSend = vi.fn(async () => ({ ok: false, error: 'refused' }));
    vi.stubGlobal('browser', { runtime: { sendMessage: browserSend } });
    expect(await windowBootPage().loadReader()).toBe(false);
    expect(browserSend).toHaveBeenCalledTimes(1);
  });
});
