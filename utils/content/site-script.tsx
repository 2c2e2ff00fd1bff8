import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TeamFlag } from '../../components/TeamFlag';
import css from '../../components/TeamFlag.css?inline';
import type { ContentMessage } from '../messages';
import type { SiteAdapter } from '../sites/types';
import { hostPatterns } from '../sites/url';
import { watchFollowingList } from './list-watch';
import { type FlagView, type ProfileWatch, watchProfile } from './profile-watch';

// The content script of one site: each site gets its own small bundle with only its own adapter
// (entrypoints/<site>.content.ts). On every client-side navigation it watches the profile if it is a
// teammate's and draws the flag, or records the user's own following list.

export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: hostPatterns(adapter),
    runAt: 'document_end',
    main: (ctx) => run(ctx, adapter),
  });
}

function run(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const flag = createFlagHost();
  let session: AbortController | null = null;
  let currentUrl = '';

  const start = (url: string) => {
    if (url === currentUrl) return;
    currentUrl = url;
    session?.abort();
    const controller = new AbortController();
    session = controller;
    let watch: ProfileWatch | null = null;
    const draw = (view: FlagView | null, anchor: Element | null) =>
      flag.draw(view, anchor, () => void watch?.follow());
    const page = {
      adapter,
      doc: document,
      url,
      // Mastodon's script also runs on instances the user added (registered at runtime): this host is one.
      parse: { mastodonHosts: [location.hostname] },
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

/** The flag's host element: one per page at most, with an open shadow root so page styles cannot reach it. */
function createFlagHost() {
  const host = document.createElement('teamfollow-flag');
  host.dataset.testid = 'teamfollow-flag';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  shadow.append(style, root);

  return {
    draw(view: FlagView | null, anchor: Element | null, onFollow: () => void) {
      if (!view) return this.remove();
      host.dataset.state = view.state;
      host.classList.toggle('tf-floating', !anchor);
      // Next to the profile header when the site has one; otherwise a small floating note.
      if (anchor && host.previousElementSibling !== anchor) anchor.after(host);
      else if (!anchor && host.parentElement !== document.body) document.body.append(host);
      render(<TeamFlag view={view} onFollow={onFollow} />, root);
    },
    remove() {
      render(null, root);
      host.remove();
    },
  };
}
