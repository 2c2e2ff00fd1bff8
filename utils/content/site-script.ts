import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentMessage } from '../messages';
import type { PageReader, SiteAdapter } from '../sites/types';
import { hostPatterns } from '../sites/url';
import { readerWanted } from './boot';
import { watchFollowingList } from './list-watch';
import { type FlagView, type ProfileWatch, watchProfile } from './profile-watch';

// The page reader of one site: each site gets its own bundle with only its own adapter and page reader
// (entrypoints/<site>.content.ts), injected by the background once the site's boot script (utils/content/boot.ts)
// sees a profile or a following list. From then on, at every client-side navigation, it watches the profile if it
// is a teammate's and draws the flag, or records the user's own following list.

/** Where the flag is drawn: handed in by the entry point, so the core never imports a component. */
export interface FlagHost {
  /**
   * Draws the flag after `anchor` (floating when null), or removes it for a null view; `onShow` points at the site's
   * control, and `target` is the control to ring while the flag points at it.
   */
  draw(view: FlagView | null, anchor: Element | null, onShow: () => void, target: HTMLElement | null): void;
  remove(): void;
}

/** The content script of `adapter`'s site: `reader` reads its pages, the host `createFlag` makes draws its flag. */
export function siteContentScript(adapter: SiteAdapter, reader: PageReader, createFlag: () => FlagHost) {
  return defineContentScript({
    matches: hostPatterns(adapter),
    // Not in the manifest: the boot script (`<site>-boot.js`, utils/content/boot.ts) has the background inject it.
    registration: 'runtime',
    // WXT's legacy window.postMessage on start: it told every page script the extension is there and cost each load.
    noScriptStartedPostMessage: true,
    main: (ctx) => run(ctx, adapter, reader, lazyFlag(createFlag)),
  });
}

/** The flag host, made on its first draw: most pages (timelines, posts, strangers) never show a flag. */
export function lazyFlag(createFlag: () => FlagHost): FlagHost {
  let host: FlagHost | null = null;
  return {
    draw(view, anchor, onShow, target) {
      if (!view && !host) return;
      host ??= createFlag();
      host.draw(view, anchor, onShow, target);
    },
    remove: () => host?.remove(),
  };
}

function run(ctx: ContentScriptContext, adapter: SiteAdapter, reader: PageReader, flag: FlagHost): void {
  let session: AbortController | null = null;
  let currentUrl = '';
  // Mastodon's script also runs on instances the user added (registered at runtime): this host is one.
  const parse = { mastodonHosts: [location.hostname] };
  const start = (url: string) => {
    if (url === currentUrl) return;
    currentUrl = url;
    session?.abort();
    session = null;
    // Most pages are neither a profile nor a following list, and get nothing made.
    if (!readerWanted(adapter, url, location.hostname)) return;
    const controller = new AbortController();
    session = controller;
    let watch: ProfileWatch | null = null;
    const draw = (view: FlagView | null, anchor: Element | null, target: HTMLElement | null) =>
      flag.draw(view, anchor, () => void watch?.showFollowControl(), target);
    const page = {
      adapter,
      reader,
      doc: document,
      url,
      parse,
      signal: controller.signal,
      ask: (message: ContentMessage) => browser.runtime.sendMessage(message),
    };
    if (watchFollowingList(page)) return;
    void watchProfile({ ...page, render: draw }).then((w) => {
      watch = w;
    });
  };

  start(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl.href));
  ctx.onInvalidated(() => {
    session?.abort();
    flag.remove();
  });
}
