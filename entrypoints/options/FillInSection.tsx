import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Fetch } from '../../utils/api/http';
import { NETWORKS } from '../../utils/api/networks';
import { profileLinks } from '../../utils/api/profile-links';
import { getDb, updateMembers } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { plural, t } from '../../utils/i18n/index';
import { accountKey, type Member } from '../../utils/model';
import {
  type FillInDeps,
  type FillInProgress,
  type FillInResult,
  fillIn,
  type KnownAccount,
  knownAccounts,
  type MemberSuggestion,
  withSuggestions,
} from '../../utils/roster/fill-in';
import { connectionsItem } from '../../utils/settings';
import { profileUrl, siteById } from '../../utils/sites/index';
import { notifyChange } from './notify-change';

/** Where an account comes from, in words: "verified by Mastodon", "claimed on GitHub", "typed". */
export function provenanceText(account: Pick<KnownAccount, 'provenance' | 'from'>): string {
  if (account.provenance === 'typed' || !account.from) return t('options_fillIn_typed');
  const network = NETWORKS[account.from].name;
  return t(account.provenance === 'verified' ? 'options_fillIn_verified' : 'options_fillIn_claimed', {
    site: network,
  });
}

const keyOf = (suggestion: MemberSuggestion) =>
  `${suggestion.memberId}\n${accountKey(suggestion.site, suggestion.handle)}`;

interface FillInSectionProps {
  /** The roster; null until it is read. */
  members: Member[] | null;
  /** Called after ticked accounts were added, so that the page reads the roster again. */
  onAdded: () => Promise<void> | void;
  /** Injected in tests; the page's own fetch, a timer and the granted permissions otherwise. */
  fetch?: Fetch;
  sleep?: FillInDeps['sleep'];
  canReach?: FillInDeps['canReach'];
}

/** "Fill in all": reads teammates' public profiles, then adds only the suggestions the user ticks. */
export function FillInSection({
  members,
  onAdded,
  fetch = (input, init) => globalThis.fetch(input, init),
  sleep,
  canReach = (host) => browser.permissions.contains({ origins: [`https://${host}/*`] }),
}: FillInSectionProps) {
  const [progress, setProgress] = useState<FillInProgress | null>(null);
  const [result, setResult] = useState<FillInResult | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const stop = useRef<AbortController | null>(null);
  const running = progress !== null && result === null;

  async function run() {
    if (!members) return;
    const controller = new AbortController();
    stop.current = controller;
    setResult(null);
    setNotice('');
    setProgress({ done: 0, total: 0 });
    try {
      const githubToken = (await connectionsItem.getValue()).github?.token;
      const found = await fillIn(members, {
        lookup: (account) => profileLinks({ fetch, githubToken }, account),
        canReach,
        sleep,
        signal: controller.signal,
        onProgress: setProgress,
      });
      // Verified accounts start ticked; what a person merely wrote waits for a look.
      setTicked(new Set(found.suggestions.filter((s) => s.provenance === 'verified').map(keyOf)));
      setResult(found);
    } catch (error) {
      setResult({
        suggestions: [],
        confirmed: [],
        notes: [t('options_fillIn_failed', { error: errorText(error) })],
      });
    } finally {
      stop.current = null;
    }
  }

  async function add() {
    if (!result) return;
    const chosen = result.suggestions.filter((s) => ticked.has(keyOf(s)));
    try {
      const added = await updateMembers(await getDb(), (existing) => {
        const changed = withSuggestions(existing, chosen);
        const before = new Map(existing.map((member) => [member.id, member.accounts.length]));
        const count = changed.reduce((sum, m) => sum + m.accounts.length - (before.get(m.id) ?? 0), 0);
        return { changed, result: count };
      });
      notifyChange();
      setResult({ ...result, suggestions: result.suggestions.filter((s) => !ticked.has(keyOf(s))) });
      setTicked(new Set());
      setNotice(
        added === chosen.length
          ? plural('options_fillIn_added', added)
          : t('options_fillIn_addedSome', { added, chosen: chosen.length }),
      );
      await onAdded();
    } catch (error) {
      setNotice(t('options_fillIn_addFailed', { error: errorText(error) }));
    }
  }

  function toggle(key: string, on: boolean) {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setTicked(next);
  }

  const groups = (members ?? [])
    .map((member) => ({ member, found: result?.suggestions.filter((s) => s.memberId === member.id) ?? [] }))
    .filter((group) => group.found.length > 0);
  const count = result?.suggestions.filter((s) => ticked.has(keyOf(s))).length ?? 0;

  return (
    <section class="card" aria-labelledby="fill-in-heading" data-testid="fill-in-section">
      <h2 id="fill-in-heading">{t('options_fillIn_heading')}</h2>
      <p>{t('options_fillIn_what')}</p>
      <p class="actions">
        <button type="button" data-testid="fill-in-all" disabled={running || !members?.length} onClick={run}>
          {t('options_fillIn_button')}
        </button>
        {running && (
          <button type="button" data-testid="fill-in-stop" onClick={() => stop.current?.abort()}>
            {t('options_stop')}
          </button>
        )}
      </p>
      {running && progress && (
        <p class="muted" role="status" data-testid="fill-in-progress">
          <progress max={progress.total || 1} value={progress.done} />{' '}
          {progress.total === 0
            ? t('options_fillIn_starting')
            : progress.name
              ? t('options_fillIn_progressName', {
                  done: progress.done,
                  total: progress.total,
                  name: progress.name,
                })
              : t('options_fillIn_progress', { done: progress.done, total: progress.total })}
        </p>
      )}
      {result && (
        <div data-testid="fill-in-review">
          {result.stopped === 'stopped' && <p class="muted">{t('options_fillIn_stopped')}</p>}
          {result.notes.map((note) => (
            <p class="muted" data-testid="fill-in-note" key={note}>
              {note}
            </p>
          ))}
          {groups.length === 0 ? (
            <p data-testid="fill-in-none">{t('options_fillIn_none')}</p>
          ) : (
            groups.map(({ member, found }) => (
              <fieldset key={member.id} data-testid="fill-in-teammate">
                <legend>{member.name}</legend>
                <p class="muted">
                  {t('options_fillIn_onRoster')}{' '}
                  {knownAccounts(member, result?.confirmed ?? []).map((known, index) => (
                    <span
                      key={accountKey(known.site, known.handle)}
                      data-testid="fill-in-known"
                      data-account={accountKey(known.site, known.handle)}
                      data-provenance={known.provenance}
                    >
                      {index > 0 && t('options_fillIn_separator')}
                      {siteById(known.site).name} {known.handle} ({provenanceText(known)})
                    </span>
                  ))}
                </p>
                {found.map((suggestion) => {
                  const key = keyOf(suggestion);
                  return (
                    <p key={key}>
                      <label>
                        <input
                          type="checkbox"
                          data-testid="fill-in-tick"
                          data-account={accountKey(suggestion.site, suggestion.handle)}
                          checked={ticked.has(key)}
                          onChange={(event) => toggle(key, event.currentTarget.checked)}
                        />{' '}
                        {siteById(suggestion.site).name}{' '}
                        <a
                          href={profileUrl(suggestion.site, suggestion.handle)}
                          target="_blank"
                          rel="noreferrer"
                        >
                          {suggestion.handle}
                        </a>{' '}
                        <span class="muted" data-testid="fill-in-provenance">
                          ({provenanceText(suggestion)})
                        </span>
                      </label>
                    </p>
                  );
                })}
              </fieldset>
            ))
          )}
          {groups.length > 0 && (
            <p class="actions">
              <button type="button" data-testid="fill-in-add" disabled={count === 0} onClick={add}>
                {plural('options_fillIn_add', count)}
              </button>
            </p>
          )}
        </div>
      )}
      {notice && (
        <p role="status" data-testid="fill-in-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
