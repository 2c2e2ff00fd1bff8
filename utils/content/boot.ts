import type { SiteAdapter } from '../sites/types';
import { followingListOn, profileOn } from '../sites/url';

// The one script every page of a site gets at load (`<site>-boot.js`, declared in the manifest): it reads the
// address and nothing else. Most pages are neither a profile nor a following list, and they pay for this small file
// alone: no WXT context, no chrome.* binding, no timer where the browser has the Navigation API. On the first
// address that is one, it asks the background to inject the page reader (content-scripts/<site>.js), which from
// then on follows the page's navigation itself.

/** The page the boot runs in, and the one call it makes to the extension. */
export interface BootPage {
  /** The page's hostname: on Mastodon, the instance the page is on. */
  readonly host: string;
  /** The page's address now. */
  href(): string;
  /** Calls `check` after every same-document navigation; returns what stops that. */
  onNavigate(check: () => void): () => void;
  /** Asks the background to inject the page reader; true once it runs in this page. */
  loadReader(): Promise<boolean>;
}

/** Whether the page reader has work at `url`: a profile or a following list of `adapter`'s site. */
export function readerWanted(adapter: SiteAdapter, url: string, host: string): boolean {
  const parse = { mastodonHosts: [host] };
  return profileOn(adapter, url, parse) !== null || followingListOn(adapter, url, parse) !== null;
}

/** Watches `page`'s address until the page reader is loaded there, on the first address it has work at. */
export function bootSite(adapter: SiteAdapter, page: BootPage): void {
  let asking = false;
  let stop = () => {};
  const check = () => {
    if (asking || !readerWanted(adapter, page.href(), page.host)) return;
    asking = true;
    // A refusal or a failed call (the worker restarting, the extension updated) is tried again at the next address.
    void page
      .loadReader()
      .catch(() => false)
      .then((loaded) => {
        if (loaded) stop();
        else asking = false;
      });
  };
  stop = page.onNavigate(check);
  check();
}

interface NavigationTarget {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

// Only `runtime.sendMessage`, looked up when it is needed: touching `chrome.runtime` at load builds its bindings.
type Messaging = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** The boot's page in a real tab. */
export function windowBootPage(): BootPage {
  return {
    host: location.hostname,
    href: () => location.href,
    onNavigate(check) {
      // The Navigation API (Chromium 102+, Firefox 147+) reports pushState, replaceState and traversal; older
      // browsers get a look at the address every second, as WXT's location watcher does.
      const navigation = (globalThis as { navigation?: NavigationTarget }).navigation;
      if (navigation) {
        navigation.addEventListener('currententrychange', check);
        return () => navigation.removeEventListener('currententrychange', check);
      }
      const timer = setInterval(check, 1000);
      return () => clearInterval(timer);
    },
    async loadReader() {
      // Firefox's `browser` returns promises in MV2; Chromium's `chrome` does in MV3.
      const api =
        (globalThis as { browser?: Messaging }).browser ?? (globalThis as { chrome?: Messaging }).chrome;
      const answer = await api?.runtime.sendMessage({ type: 'load-reader' });
      return (answer as { ok?: unknown } | undefined)?.ok === true;
    },
  };
}
