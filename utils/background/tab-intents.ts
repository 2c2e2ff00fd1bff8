import { pageInstance } from '../instances';
import { parseProfileUrl, profileUrl, type SiteId } from '../sites/index';

// The popup's follow and check on sites without a connected API: TeamFollow takes the user to the profile, in
// front, and never acts there itself. The tab is remembered with the intent, so the flag there points at the
// site's Follow control and a follow the user then makes is logged as one TeamFollow led to.

export type IntentKind = 'follow' | 'check';

/** A tab the popup opened (or brought to the front) for one profile. */
export interface TabIntent {
  tabId: number;
  site: SiteId;
  handle: string;
  kind: IntentKind;
  at: number;
}

export interface TabIntentDeps {
  /** Open tabs with their addresses (those of the sites TeamFollow has access to). */
  listTabs(): Promise<{ id?: number; url?: string; windowId?: number }[]>;
  /** Opens `url` in a new active tab; resolves to its id. */
  openTab(url: string): Promise<number>;
  /** Brings a tab and its window to the front. */
  focusTab(tabId: number, windowId: number | undefined): Promise<void>;
  /** Persists the intents (session storage), so a restarted worker still knows them. */
  save(intents: TabIntent[]): Promise<void>;
  now(): number;
}

/** Intents older than this are forgotten: the user has long moved on. */
const INTENT_TTL_MS = 30 * 60_000;

export class TabIntents {
  private intents: TabIntent[];

  constructor(
    private readonly deps: TabIntentDeps,
    restored: TabIntent[] = [],
  ) {
    this.intents = restored;
  }

  /** Takes the user to the profile: the tab that already shows it, else a new active tab. */
  async open(site: SiteId, handle: string, kind: IntentKind): Promise<number> {
    const tabs = await this.deps.listTabs();
    const showing = tabs.find((tab) => {
      const shown = tab.url ? parseProfileUrl(tab.url, { mastodonHosts: pageInstance(tab.url) }) : null;
      return tab.id !== undefined && shown?.site === site && shown.handle === handle;
    });
    let tabId: number;
    if (showing?.id !== undefined) {
      tabId = showing.id;
      await this.deps.focusTab(tabId, showing.windowId);
    } else {
      tabId = await this.deps.openTab(profileUrl(site, handle));
    }
    const now = this.deps.now();
    this.intents = [
      ...this.intents.filter((i) => i.tabId !== tabId && now - i.at < INTENT_TTL_MS),
      { tabId, site, handle, kind, at: now },
    ];
    await this.deps.save(this.intents);
    return tabId;
  }

  /** The intent of the tab for this profile, if the popup opened it for it. */
  intentFor(tabId: number | undefined, site: SiteId, handle: string): IntentKind | null {
    const intent = this.intents.find((i) => i.tabId === tabId && i.site === site && i.handle === handle);
    return intent && this.deps.now() - intent.at < INTENT_TTL_MS ? intent.kind : null;
  }

  /** The tab was closed: forget it. */
  async tabClosed(tabId: number): Promise<void> {
    if (!this.intents.some((i) => i.tabId === tabId)) return;
    this.intents = this.intents.filter((i) => i.tabId !== tabId);
    await this.deps.save(this.intents);
  }
}
