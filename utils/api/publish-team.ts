import { errorText } from '../errors';
import { t } from '../i18n/index';
import type { Member } from '../model';
import type { BlueskyPublisher, ListText } from './bluesky-publish';
import { ApiError, RateLimitError } from './http';

// Publishing the roster's Bluesky teammates as a curate list (and a starter pack on it): what to write, and writing
// it paced, one item at a time, so that a second run finds everything there and writes nothing.

/** One Bluesky account of a teammate on the roster: publishing names no one else. */
export interface PublishTarget {
  name: string;
  handle: string;
}

/** Every Bluesky account on the roster, once, in roster order. */
export function blueskyTeammates(members: readonly Member[]): PublishTarget[] {
  const seen = new Set<string>();
  const targets: PublishTarget[] = [];
  for (const member of members)
    for (const { site, handle } of member.accounts)
      if (site === 'bluesky' && !seen.has(handle)) {
        seen.add(handle);
        targets.push({ name: member.name, handle });
      }
  return targets;
}

/** What happened to one teammate: put on the list now, there already, unknown to Bluesky, or refused. */
export interface ItemResult extends PublishTarget {
  status: 'added' | 'already' | 'not-found' | 'failed';
  error?: string;
}

/** The records TeamFollow made on the user's account, remembered so that the next run updates them. */
export interface PublishedRefs {
  listUri?: string;
  starterPackUri?: string;
}

export interface PublishOptions {
  list: ListText;
  /** Also make a starter pack on the list (once; an existing one is kept as it is). */
  starterPack?: ListText;
}

export interface PublishDeps {
  api: BlueskyPublisher;
  saved: PublishedRefs;
  save(refs: PublishedRefs): Promise<void>;
  /** The gap between two record writes, in ms. */
  intervalMs: number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal;
  /** Called as each teammate's result is known. */
  onItem?(result: ItemResult): void;
}

export interface PublishReport {
  listUri: string;
  /** What happened to the list record: made now, renamed or described anew, or left as it was. */
  list: 'created' | 'updated' | 'unchanged';
  starterPackUri?: string;
  starterPack?: 'created' | 'unchanged';
  items: ItemResult[];
  /** Why the run ended before the last teammate (a rate limit, a stop, a refused session). */
  stopped?: string;
  /** After a rate limit: when to try again (epoch ms). */
  retryAt?: number;
}

/** How many records a run writes: the report's own summary. */
export function writesOf(report: PublishReport): number {
  return (
    report.items.filter((item) => item.status === 'added').length +
    (report.list === 'unchanged' ? 0 : 1) +
    (report.starterPack === 'created' ? 1 : 0)
  );
}

const sameText = (a: ListText, b: ListText) =>
  a.name === b.name && (a.description ?? '') === (b.description ?? '');

/**
 * Creates or updates the list from the roster's Bluesky teammates: the list record first (remembered at once, so that
 * a run cut short never makes a second list), then one listitem per teammate not on it yet, paced, each reported; a
 * rate limit or a stop ends the run, and the next run goes on from what the list holds.
 */
export async function publishTeam(
  members: readonly Member[],
  options: PublishOptions,
  deps: PublishDeps,
): Promise<PublishReport> {
  const { api, signal } = deps;
  const targets = blueskyTeammates(members);
  if (targets.length === 0) throw new ApiError(t('api_publish_noTeammates'), 400);
  const refs: PublishedRefs = { ...deps.saved };
  let writes = 0;
  // Every write after the first waits its turn.
  const write = async <T>(make: () => Promise<T>): Promise<T> => {
    if (writes++ > 0) await deps.sleep(deps.intervalMs, signal);
    return make();
  };

  const existing = refs.listUri ? await api.getList(refs.listUri) : null;
  let list: PublishReport['list'] = 'unchanged';
  let listUri: string;
  if (!existing || !refs.listUri) {
    listUri = await write(() => api.createList(options.list));
    list = 'created';
    // A starter pack points at one list: a new list needs a new pack.
    delete refs.starterPackUri;
    refs.listUri = listUri;
    await deps.save({ ...refs });
  } else {
    listUri = refs.listUri;
    if (!sameText(existing, options.list)) {
      await write(() => api.updateList(listUri, options.list));
      list = 'updated';
    }
  }
  const report: PublishReport = { listUri, list, items: [] };
  const onList = list === 'created' ? new Map<string, string>() : await api.listItems(listUri);
  const dids = await api.resolve(targets.map((target) => target.handle));

  const finish = (result: ItemResult) => {
    report.items.push(result);
    deps.onItem?.(result);
  };
  for (const target of targets) {
    if (signal?.aborted) {
      report.stopped = t('api_publish_stopped');
      return report;
    }
    const did = dids.get(target.handle);
    if (!did) finish({ ...target, status: 'not-found', error: t('api_publish_unknownHandle') });
    else if (onList.has(did)) finish({ ...target, status: 'already' });
    else {
      try {
        onList.set(did, await write(() => api.addItem(listUri, did)));
        finish({ ...target, status: 'added' });
      } catch (error) {
        if (signal?.aborted) {
          report.stopped = t('api_publish_stopped');
          return report;
        }
        if (error instanceof RateLimitError) {
          report.stopped = t('api_publish_rateLimited', { error: error.message });
          report.retryAt = error.retryAt;
          return report;
        }
        if (error instanceof ApiError && error.status === 401) {
          report.stopped = error.message;
          return report;
        }
        finish({
          ...target,
          status: 'failed',
          error: errorText(error),
        });
      }
    }
  }

  if (options.starterPack && !signal?.aborted) {
    if (refs.starterPackUri && (await api.hasStarterPack(refs.starterPackUri)))
      report.starterPack = 'unchanged';
    else {
      const text = options.starterPack;
      refs.starterPackUri = await write(() => api.createStarterPack(listUri, text));
      report.starterPack = 'created';
      await deps.save({ ...refs });
    }
    report.starterPackUri = refs.starterPackUri;
  }
  return report;
}
