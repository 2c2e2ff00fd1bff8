import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { errorText } from '../../utils/errors';
import { addedInstances, instanceHost, instancePattern } from '../../utils/instances';
import { rosterOnlyHosts } from '../../utils/roster/subscription-refresh';
import { rosterSubscriptionItem } from '../../utils/settings';
import { MASTODON_INSTANCES } from '../../utils/sites/mastodon';

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
      setError(`Could not read the permissions: ${errorText(failure)}`);
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
      setError('Enter the address of a Mastodon instance, such as example.social.');
      return;
    }
    const host = instanceHost(input) ?? '';
    if (MASTODON_INSTANCES.includes(host)) {
      setError(`${host} is built in: nothing to add.`);
      return;
    }
    const pattern = instancePattern(input);
    if (!pattern) {
      setError(`“${input.trim()}” is not an instance address. Enter a host name such as example.social.`);
      return;
    }
    const name = pattern.slice('https://'.length, -'/*'.length);
    if (added?.includes(name)) {
      setError(`${name} is already added.`);
      return;
    }
    setError('');
    browser.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        await refresh();
        if (granted) {
          setInput('');
          setNotice(`Added ${name}.`);
        } else {
          setError(`The permission for ${name} was not granted, so it was not added.`);
        }
      },
      (failure: unknown) => setError(`Could not ask for the permission: ${errorText(failure)}`),
    );
  }

  async function remove(host: string) {
    setError('');
    setNotice('');
    try {
      const removed = await browser.permissions.remove({ origins: [`https://${host}/*`] });
      await refresh();
      if (removed) setNotice(`Removed ${host}.`);
      else setError(`The browser kept the permission for ${host}.`);
    } catch (failure) {
      setError(`Could not remove ${host}: ${errorText(failure)}`);
    }
  }

  return (
    <section class="card" aria-labelledby="instances-heading" data-testid="mastodon-instances">
      <h2 id="instances-heading">Mastodon instances</h2>
      <p>
        Mastodon runs on many servers. TeamFollow knows these without setup:{' '}
        <span data-testid="builtin-instances">{MASTODON_INSTANCES.join(', ')}</span>.
      </p>
      <p>
        Add the instances your team uses. The browser asks for your permission for each one; it lets
        TeamFollow read profile pages on that instance only.
      </p>

      <form class="instance-form" noValidate onSubmit={add}>
        <Field
          id="instance-input"
          label="Instance"
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
                Add
              </button>
            </div>
          )}
        </Field>
      </form>
      <p class="notice" role="status">
        {notice}
      </p>

      {added === null ? (
        <p class="muted">Loading…</p>
      ) : added.length === 0 ? (
        <p class="muted" data-testid="instances-empty">
          No instances added yet.
        </p>
      ) : (
        <ul class="instance-list" aria-label="Added instances">
          {added.map((host) => (
            <li key={host} data-testid="instance-row" data-host={host}>
              <span class="instance-host">{host}</span>
              <button
                type="button"
                data-testid="instance-remove"
                aria-label={`Remove ${host}`}
                onClick={() => remove(host)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
