import { RateLimitError } from '../api/http';
import { type ApiSite, isApiSite, NETWORKS } from '../api/networks';
import { abortableSleep } from '../api/pacing';
import { mastodonInstance, type Provenance, type Suggestion } from '../api/profile-links';
import { errorText } from '../errors';
import { formatDate, t } from '../i18n/index';
import { type Account, accountKey, accountKeysOf, type Member } from '../model';

// "Fill in all": for every teammate, the accounts their public profiles name that the roster does not have yet.

/** A suggestion for one teammate. */
export interface MemberSuggestion extends Suggestion {
  memberId: string;
}

// "typed": on the roster on a person's word alone (the member editor, a roster file): no profile read in this run names it.
/** Where an account the roster already holds stands after a run: named by a profile (verified, claimed), else typed. */
export type RosterProvenance = Provenance | 'typed';

/** One account a teammate has, with its provenance; `from` is the network whose profile named it. */
export interface KnownAccount extends Account {
  provenance: RosterProvenance;
  from?: ApiSite;
}

/** How far a run is: `done` of `total` look-ups, and whose profile is being read. */
export interface FillInProgress {
  done: number;
  total: number;
  name?: string;
}

/** What a run is handed: the look-up, the permission check, the clock and the pacing. */
export interface FillInDeps {
  /** The accounts one teammate account's profile names (utils/api/profile-links `profileLinks`). */
  lookup(account: { site: ApiSite; handle: string }): Promise<Suggestion[]>;
  /** Whether the extension may ask this Mastodon instance (its origin permission is granted). */
  canReach(host: string): Promise<boolean>;
  /** Waits `ms`; rejects when `signal` aborts. A timer by default. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  now?(): number;
  /** The gap between two requests to the same network, in ms. */
  intervalMs?: number;
  onProgress?(progress: FillInProgress): void;
  signal?: AbortSignal;
}

/** The suggestions found, notes on what was skipped or failed, and why the run ended early, if it did. */
export interface FillInResult {
  suggestions: MemberSuggestion[];
  /** Accounts a profile named that its own teammate has already (a confirmation, never suggested). */
  confirmed: MemberSuggestion[];
  notes: string[];
  stopped?: 'stopped' | 'rate-limited';
}

const DEFAULT_INTERVAL_MS = 1000;

/** The teammate accounts a profile can be read from, in roster order. */
function lookups(
  members: readonly Member[],
): { member: Member; account: { site: ApiSite; handle: string } }[] {
  return members.flatMap((member) =>
    member.accounts.flatMap((account) =>
      isApiSite(account.site) ? [{ member, account: { site: account.site, handle: account.handle } }] : [],
    ),
  );
}

/** Reads every teammate's public profiles, paced per network, and suggests accounts no teammate has yet. */
export async function fillIn(members: readonly Member[], deps: FillInDeps): Promise<FillInResult> {
  const interval = deps.intervalMs ?? DEFAULT_INTERVAL_MS;
  const { sleep = abortableSleep, now = Date.now } = deps;
  const owners = new Map(members.flatMap((member) => member.accountKeys.map((key) => [key, member.id])));
  const todo = lookups(members);
  const last = new Map<ApiSite, number>();
  const byKey = new Map<string, MemberSuggestion>();
  const confirmed = new Map<string, MemberSuggestion>();
  const notes: string[] = [];
  const result = (stopped?: FillInResult['stopped']): FillInResult => ({
    suggestions: [...byKey.values()],
    confirmed: [...confirmed.values()],
    notes,
    ...(stopped ? { stopped } : {}),
  });

  for (const [done, { member, account }] of todo.entries()) {
    deps.onProgress?.({ done, total: todo.length, name: member.name });
    if (deps.signal?.aborted) return result('stopped');
    const label = t('roster_fillIn_account', {
      name: member.name,
      site: NETWORKS[account.site].name,
      handle: account.handle,
    });
    if (account.site === 'mastodon' && !(await deps.canReach(mastodonInstance(account.handle)))) {
      notes.push(t('roster_fillIn_skipped', { account: label, instance: mastodonInstance(account.handle) }));
      continue;
    }
    const previous = last.get(account.site);
    const wait = previous === undefined ? 0 : previous + interval - now();
    try {
      if (wait > 0) await sleep(wait, deps.signal);
    } catch {
      return result('stopped');
    }
    if (deps.signal?.aborted) return result('stopped');
    last.set(account.site, now());
    try {
      for (const found of await deps.lookup(account)) {
        const key = accountKey(found.site, found.handle);
        const memberKey = `${member.id}\n${key}`;
        // Held already, by this teammate or another: never suggested; this teammate's own is confirmed.
        const owner = owners.get(key);
        const into = owner === undefined ? byKey : owner === member.id ? confirmed : null;
        if (!into || into.get(memberKey)?.provenance === 'verified') continue;
        into.set(memberKey, { ...found, memberId: member.id });
      }
    } catch (error) {
      if (error instanceof RateLimitError) {
        notes.push(
          t('roster_fillIn_rateLimited', {
            error: errorText(error),
            account: label,
            time: formatDate(error.retryAt, { timeStyle: 'short' }),
          }),
        );
        return result('rate-limited');
      }
      notes.push(t('roster_fillIn_couldNotRead', { account: label, error: errorText(error) }));
    }
  }
  deps.onProgress?.({ done: todo.length, total: todo.length });
  return result();
}

/** A teammate's accounts with their provenance after a run: as a profile named them, else typed. */
export function knownAccounts(member: Member, confirmed: readonly MemberSuggestion[]): KnownAccount[] {
  return member.accounts.map((account) => {
    const named = confirmed.find(
      (c) => c.memberId === member.id && c.site === account.site && c.handle === account.handle,
    );
    return named
      ? { ...account, provenance: named.provenance, from: named.from }
      : { ...account, provenance: 'typed' };
  });
}

/**
 * The teammates that change when the ticked suggestions are added, read against the roster as it is now: an account
 * another teammate has meanwhile is left out, so that a suggestion never takes over a teammate's account.
 */
export function withSuggestions(existing: readonly Member[], ticked: readonly MemberSuggestion[]): Member[] {
  const owners = new Set(existing.flatMap((member) => member.accountKeys));
  const changed = new Map<string, Member>();
  for (const suggestion of ticked) {
    const key = accountKey(suggestion.site, suggestion.handle);
    const member = changed.get(suggestion.memberId) ?? existing.find((m) => m.id === suggestion.memberId);
    if (!member || owners.has(key)) continue;
    owners.add(key);
    const accounts: Account[] = [...member.accounts, { site: suggestion.site, handle: suggestion.handle }];
    changed.set(member.id, { ...member, accounts, accountKeys: accountKeysOf(accounts) });
  }
  return [...changed.values()];
}
