import type { ContentMessage } from '../messages';
import type { PageReader, ParseOptions, SiteAdapter } from '../sites/types';
import { followingListOn } from '../sites/url';

// On a following list page, everyone visible is someone the list's owner follows. The background records
// teammates from it only when the owner is the user. Passive: it reads what the user scrolls into view.

const MAX_PER_MESSAGE = 200;

export interface ListWatchOptions {
  adapter: SiteAdapter;
  /** The site's page reader, whose `readFollowingList` reads the list. */
  reader: PageReader;
  doc: Document;
  url: string;
  parse?: ParseOptions;
  ask(message: ContentMessage): Promise<unknown>;
  signal: AbortSignal;
}

/** Watches a following list page; returns false (and does nothing) for any other page. */
export function watchFollowingList({
  adapter,
  reader,
  doc,
  url,
  parse,
  ask,
  signal,
}: ListWatchOptions): boolean {
  const owner = followingListOn(adapter, url, parse);
  const read = reader.readFollowingList;
  if (owner === null || !read) return false;
  const list = { site: adapter.id, owner };
  const sent = new Set<string>();
  const check = () => {
    const fresh = read(doc).filter((handle) => !sent.has(handle));
    for (const handle of fresh) sent.add(handle);
    for (let i = 0; i < fresh.length; i += MAX_PER_MESSAGE) {
      const handles = fresh.slice(i, i + MAX_PER_MESSAGE);
      void ask({ type: 'report-list', site: list.site, owner: list.owner, handles }).catch(() => undefined);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(doc.body ?? doc.documentElement, { subtree: true, childList: true });
  signal.addEventListener('abort', () => observer.disconnect());
  check();
  return true;
}
