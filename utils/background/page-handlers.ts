import type { FollowApi } from '../api/http';
import type { ApiSite } from '../api/networks';
import { announceChange } from '../changes';
import { findMemberByAccount, type TeamDb } from '../db';
import { errorText } from '../errors';
import { t } from '../i18n/index';
import type { PageAnswer, PageMessage } from '../messages';
import { displayNameFromTitle } from '../roster/display-name';
import { normalizeHandle, parseProfileUrl } from '../sites/index';
import { type BulkRunner, checkThroughApi, followThroughApi } from './bulk';
import type { TabIntents } from './tab-intents';

// What the background does with each request of the extension's own pages (popup, options).

/** What the page handlers act on, handed in by the background's shell. */
export interface PageDeps {
  db(): Promise<TeamDb>;
  /** The client of a connected network, or null. */
  api(site: ApiSite): Promise<FollowApi | null>;
  isApiSite(site: string): site is ApiSite;
  bulk: Pick<BulkRunner, 'start' | 'stop'>;
  tabIntents(): Promise<Pick<TabIntents, 'open'>>;
  refreshBadge(): Promise<void>;
  now(): number;
  /** The active tab of the current window (its address and title are visible on the sites' hosts). */
  activeTab(): Promise<{ url?: string; title?: string } | undefined>;
  /** Mastodon instances the user added, beyond the built-in list. */
  mastodonHosts(): Promise<string[]>;
}

type PageHandler<M extends PageMessage> = (deps: PageDeps, msg: M) => Promise<PageAnswer>;
type OneAccount = Extract<PageMessage, { type: 'follow' | 'check' }>;

/**
 * Follow or check one account: through the network's API where it is connected (on the user's click), else by
 * taking the user to the profile in front, where the flag points at the site's own control.
 */
async function oneAccount(deps: PageDeps, msg: OneAccount): Promise<PageAnswer> {
  if (normalizeHandle(msg.site, msg.handle) !== msg.handle)
    return { ok: false, error: t('background_invalidHandle') };
  const client = deps.isApiSite(msg.site) ? await deps.api(msg.site) : null;
  const db = await deps.db();
  if (client && msg.type === 'check') {
    if (!(await checkThroughApi(db, client, msg.handle, deps.now)))
      return { ok: false, error: t('background_notFound', { handle: msg.handle }) };
  } else if (client?.canFollow && msg.type === 'follow') {
    await followThroughApi(db, client, msg.handle, deps.now);
  } else {
    await (await deps.tabIntents()).open(msg.site, msg.handle, msg.type);
    return { ok: true, opened: true };
  }
  announceChange();
  return { ok: true };
}

/** Which profile the active tab shows, named from the tab's title, and the teammate who has it, if any. */
async function activeProfile(deps: PageDeps): Promise<PageAnswer> {
  const tab = await deps.activeTab();
  const shown = tab?.url ? parseProfileUrl(tab.url, { mastodonHosts: await deps.mastodonHosts() }) : null;
  if (!shown) return { ok: true, profile: null };
  const member = await findMemberByAccount(await deps.db(), shown.site, shown.handle);
  return {
    ok: true,
    profile: {
      ...shown,
      displayName: displayNameFromTitle(tab?.title, shown.handle),
      member: member ? { id: member.id, name: member.name } : null,
    },
  };
}

/** One handler per request type a page may send. */
const PAGE_HANDLERS: { [T in PageMessage['type']]: PageHandler<Extract<PageMessage, { type: T }>> } = {
  follow: oneAccount,
  check: oneAccount,
  'check-all': (deps, msg) => deps.bulk.start(msg.site, msg.type),
  'follow-all': (deps, msg) => deps.bulk.start(msg.site, msg.type, msg.handles),
  'stop-all': async (deps, msg) => {
    await deps.bulk.stop(msg.site);
    return { ok: true };
  },
  'data-changed': async (deps) => {
    await deps.refreshBadge();
    return { ok: true };
  },
  'active-profile': activeProfile,
};

/** Answers a page's request, already parsed, through the handler of its type; a failure is an answer, not a throw. */
export async function answerPageMessage(deps: PageDeps, msg: PageMessage): Promise<PageAnswer> {
  try {
    return await (PAGE_HANDLERS[msg.type] as PageHandler<PageMessage>)(deps, msg);
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
