import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { ImportSummaryPanel } from '../../components/ImportSummary';
import { namesSentence } from '../../components/ImportSummaryNames';
import { relativeTime } from '../../components/words';
import { deleteMembers, getDb } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import { rosterAddress } from '../../utils/roster/subscription';
import { refreshSubscription, withoutLeavers } from '../../utils/roster/subscription-refresh';
import { type RosterSubscription, rosterSubscriptionItem } from '../../utils/settings';
import { notifyChange } from './notify-change';
import { withParts } from './rich';

interface RosterSourceProps {
  /** Called after a refresh or a removal of leavers changed the roster. */
  onImported: () => Promise<void>;
}

/**
 * A roster kept at an https address (a file in a team repository): subscribe with that one host's permission,
 * refreshed daily by the background and here on demand, with the import's summary of joiners and leavers.
 */
export function RosterSourceSection({ onImported }: RosterSourceProps) {
  const [subscription, setSubscription] = useState<RosterSubscription | null | undefined>(undefined);
  const [granted, setGranted] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The stored summary forgets removed leavers, so the confirmation is said here.
  const [notice, setNotice] = useState('');

  async function readGranted() {
    setGranted((await browser.permissions.getAll().catch(() => ({ origins: [] }))).origins ?? []);
  }

  useEffect(() => {
    void rosterSubscriptionItem.getValue().then(setSubscription);
    void readGranted();
    // The background refreshes daily and at start-up: show its result as it lands.
    return rosterSubscriptionItem.watch((value) => setSubscription(value));
  }, []);

  async function refresh() {
    setBusy(true);
    setNotice('');
    try {
      const last = await refreshSubscription({
        db: getDb,
        fetch: (url, init) => globalThis.fetch(url, init),
        now: Date.now,
        load: () => rosterSubscriptionItem.getValue(),
        save: (value) => rosterSubscriptionItem.setValue(value),
      });
      setSubscription(await rosterSubscriptionItem.getValue());
      if (last?.ok) {
        notifyChange();
        await onImported();
      }
    } finally {
      setBusy(false);
    }
  }

  // Not async: permissions.request must run in the click itself (Firefox drops the user gesture after an await).
  function subscribe(event: Event) {
    event.preventDefault();
    const address = rosterAddress(input);
    if ('error' in address) {
      setError(address.error);
      return;
    }
    setError('');
    const heldBefore = granted.includes(address.pattern);
    browser.permissions.request({ origins: [address.pattern] }).then(
      async (ok) => {
        await readGranted();
        if (!ok) {
          setError(t('options_source_denied', { host: address.host }));
          return;
        }
        await rosterSubscriptionItem.setValue({ url: address.url, ownPermission: !heldBefore });
        setInput('');
        await refresh();
      },
      (failure: unknown) => setError(t('options_couldNotAskPermission', { error: errorText(failure) })),
    );
  }

  // Not async either: the permission may be missing (revoked, or an address the organisation set).
  function refreshNow(pattern: string) {
    setError('');
    browser.permissions.request({ origins: [pattern] }).then(
      async (ok) => {
        await readGranted();
        if (ok) await refresh();
        else setError(t('options_source_needPermission'));
      },
      (failure: unknown) => setError(t('options_couldNotAskPermission', { error: errorText(failure) })),
    );
  }

  async function unsubscribe(current: RosterSubscription, pattern: string) {
    setError('');
    try {
      // A host the user had granted before (a Mastodon instance) keeps its permission.
      if (current.ownPermission) await browser.permissions.remove({ origins: [pattern] });
      await rosterSubscriptionItem.setValue(null);
      setSubscription(null);
      await readGranted();
    } catch (failure) {
      setError(t('options_source_unsubscribeFailed', { error: errorText(failure) }));
    }
  }

  async function removeLeavers(ids: string[]) {
    await deleteMembers(await getDb(), ids);
    const current = await rosterSubscriptionItem.getValue();
    const names = current?.last?.ok ? (current.last.summary.leavers ?? []).map((leaver) => leaver.name) : [];
    if (current) await rosterSubscriptionItem.setValue(withoutLeavers(current));
    setNotice(t('options_source_leaversRemoved', { names: namesSentence(names) }));
    notifyChange();
    await onImported();
  }

  const address = subscription ? rosterAddress(subscription.url) : null;
  const subscribed = subscription && address && 'pattern' in address ? { subscription, address } : null;

  return (
    <section class="card" aria-labelledby="roster-source-heading" data-testid="roster-source">
      <h2 id="roster-source-heading">{t('options_source_heading')}</h2>
      {subscription === undefined ? (
        <p class="muted">{t('options_loading')}</p>
      ) : subscribed ? (
        <>
          <p>
            {withParts(t('options_source_reads'), {
              url: (
                <a
                  href={subscribed.subscription.url}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="roster-source-url"
                >
                  {subscribed.subscription.url}
                </a>
              ),
            })}
          </p>
          {subscribed.subscription.managed && (
            <p class="muted" data-testid="roster-source-managed">
              {t('options_source_managed')}
            </p>
          )}
          <LastRefresh subscription={subscribed.subscription} onRemoveLeavers={removeLeavers} />
          <div class="actions start">
            <button
              type="button"
              class="primary"
              data-testid="roster-source-refresh"
              disabled={busy}
              onClick={() => refreshNow(subscribed.address.pattern)}
            >
              {granted.includes(subscribed.address.pattern)
                ? t('options_source_refresh')
                : t('options_source_allowAndRefresh', { host: subscribed.address.host })}
            </button>
            {!subscribed.subscription.managed && (
              <button
                type="button"
                data-testid="roster-source-remove"
                disabled={busy}
                onClick={() => unsubscribe(subscribed.subscription, subscribed.address.pattern)}
              >
                {t('options_source_unsubscribe')}
              </button>
            )}
          </div>
          {notice && (
            <p class="notice" role="status" data-testid="roster-source-notice">
              {notice}
            </p>
          )}
          {busy && (
            <p class="muted" role="status">
              {t('options_source_refreshing')}
            </p>
          )}
          {error && (
            <p class="error" role="alert" data-testid="roster-source-error">
              {error}
            </p>
          )}
        </>
      ) : (
        <form noValidate onSubmit={subscribe}>
          <Field
            id="roster-source-input"
            label={t('options_source_label')}
            help={t('options_source_help')}
            error={error}
            errorTestId="roster-source-error"
            errorRole="alert"
          >
            {(control) => (
              <div class="inline-field">
                <input
                  {...control}
                  {...PLAIN_TEXT}
                  type="url"
                  placeholder={t('options_source_placeholder')}
                  value={input}
                  data-testid="roster-source-input"
                  onInput={(event) => {
                    setInput(event.currentTarget.value);
                    setError('');
                  }}
                />
                <button type="submit" class="primary" data-testid="roster-source-subscribe" disabled={busy}>
                  {t('options_source_subscribe')}
                </button>
              </div>
            )}
          </Field>
        </form>
      )}
    </section>
  );
}

/** When the roster was last read, and what that import did (or why it could not be read). */
function LastRefresh({
  subscription,
  onRemoveLeavers,
}: {
  subscription: RosterSubscription;
  onRemoveLeavers: (ids: string[]) => Promise<void>;
}) {
  const { last } = subscription;
  if (!last) return <p class="muted">{t('options_source_notRead')}</p>;
  const when = relativeTime(last.at, Date.now());
  return (
    <div data-testid="roster-source-last" data-ok={String(last.ok)}>
      <p class="muted">{t('options_source_lastRead', { when })}</p>
      <ImportSummaryPanel
        testId="subscription-summary"
        key={last.at}
        outcome={
          last.ok
            ? { kind: 'done', summary: last.summary, source: last.fileName }
            : { kind: 'failed', message: last.message, source: subscription.url }
        }
        onRemoveLeavers={onRemoveLeavers}
      />
    </div>
  );
}
