import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { errorText } from '../../utils/errors';
import { formatList, t } from '../../utils/i18n/index';
import { addedInstances, instanceHost, instancePattern } from '../../utils/instances';
import { rosterOnlyHosts } from '../../utils/roster/subscription-refresh';
import { rosterSubscriptionItem } from '../../utils/settings';
import { MASTODON_INSTANCES } from '../../utils/sites/mastodon';
import { withParts } from './rich';

/**
 * Mastodon instances beyond the built-in ones. The granted host permissions are the list: adding asks the browser
 * for one, removing gives it back, and the background registers the content script wherever one is granted.
 */
export function MastodonInstancesSection() {
  const [added, setAdded] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  async function refresh() {
    try {
      const { origins = [] } = await browser.permissions.getAll();
      // A subscribed roster's host is granted too, but it is no instance.
      setAdded(addedInstances(origins, rosterOnlyHosts(await rosterSubscriptionItem.getValue())));
    } catch (failure) {
      setAdded([]);
      setError(t('options_instances_loadError', { error: errorText(failure) }));
    }
  }

  useEffect(() => {
    void refresh();
    // The user can also grant or revoke these in the browser's own extension settings.
    const onChange = () => void refresh();
    try {
      browser.permissions.onAdded.addListener(onChange);
      browser.permissions.onRemoved.addListener(onChange);
    } catch {
      // No permission events here (test browsers): the rest of the page must still work.
      return;
    }
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  // Not async: permissions.request must run in the click itself (Firefox drops the user gesture after an await).
  function add(event: Event) {
    event.preventDefault();
    setNotice('');
    if (!input.trim()) {
      setError(t('options_instances_empty'));
      return;
    }
    const host = instanceHost(input) ?? '';
    if (MASTODON_INSTANCES.includes(host)) {
      setError(t('options_instances_builtIn', { host }));
      return;
    }
    const pattern = instancePattern(input);
    if (!pattern) {
      setError(t('options_instances_invalid', { text: input.trim() }));
      return;
    }
    const name = pattern.slice('https://'.length, -'/*'.length);
    if (added?.includes(name)) {
      setError(t('options_instances_already', { host: name }));
      return;
    }
    setError('');
    browser.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        await refresh();
        if (granted) {
          setInput('');
          setNotice(t('options_instances_added', { host: name }));
        } else {
          setError(t('options_instances_denied', { host: name }));
        }
      },
      (failure: unknown) => setError(t('options_couldNotAskPermission', { error: errorText(failure) })),
    );
  }

  async function remove(host: string) {
    setError('');
    setNotice('');
    try {
      const removed = await browser.permissions.remove({ origins: [`https://${host}/*`] });
      await refresh();
      if (removed) setNotice(t('options_instances_removed', { host }));
      else setError(t('options_instances_kept', { host }));
    } catch (failure) {
      setError(t('options_instances_removeFailed', { host, error: errorText(failure) }));
    }
  }

  return (
    <section class="card" aria-labelledby="instances-heading" data-testid="mastodon-instances">
      <h2 id="instances-heading">{t('options_instances_heading')}</h2>
      <p>
        {withParts(t('options_instances_builtInList'), {
          list: <span data-testid="builtin-instances">{formatList(MASTODON_INSTANCES)}</span>,
        })}
      </p>
      <p>{t('options_instances_what')}</p>

      <form class="instance-form" noValidate onSubmit={add}>
        <Field
          id="instance-input"
          label={t('options_instances_label')}
          error={error}
          errorTestId="instance-error"
          errorRole="alert"
        >
          {(control) => (
            <div class="inline-field">
              <input
                {...control}
                {...PLAIN_TEXT}
                placeholder="example.social"
                value={input}
                data-testid="instance-input"
                onInput={(event) => {
                  setInput(event.currentTarget.value);
                  setError('');
                }}
              />
              <button type="submit" class="primary" data-testid="instance-add">
                {t('options_instances_add')}
              </button>
            </div>
          )}
        </Field>
      </form>
      <p class="notice" role="status">
        {notice}
      </p>

      {added === null ? (
        <p class="muted">{t('options_loading')}</p>
      ) : added.length === 0 ? (
        <p class="muted" data-testid="instances-empty">
          {t('options_instances_none')}
        </p>
      ) : (
        <ul class="instance-list" aria-label={t('options_instances_listLabel')}>
          {added.map((host) => (
            <li key={host} data-testid="instance-row" data-host={host}>
              <span class="instance-host">{host}</span>
              <button
                type="button"
                data-testid="instance-remove"
                aria-label={t('options_instances_removeLabel', { host })}
                onClick={() => remove(host)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
