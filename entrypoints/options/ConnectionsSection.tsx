import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SiteIcon } from '../../components/SiteIcon';
import { type Fetch, RateLimitError } from '../../utils/api/http';
import { type ApiSite, NETWORKS } from '../../utils/api/networks';
import { clampPacingS, defaultPacingS } from '../../utils/api/pacing';
import { errorText } from '../../utils/errors';
import { type Connections, connectionsItem, pacingItem } from '../../utils/settings';
import { normalizeHandle } from '../../utils/sites/index';
import { verifyConnection } from './verify-connection';

/** One network's saved connection, whatever its fields are called in storage. */
interface Saved {
  id: string;
  secret?: string;
}

type Pacing = Partial<Record<ApiSite, number>>;

interface Network {
  site: ApiSite;
  name: string;
  idLabel: string;
  placeholder: string;
  /** The canonical id from what was typed, or null. */
  parse(input: string): string | null;
  invalid: string;
  idHelp: ComponentChildren;
  secretName: string;
  secretRequired: boolean;
  secretHelp: ComponentChildren;
  /** What works with the id alone (networks whose secret is optional). */
  readOnly?: string;
  limit: string;
}

/** A Mastodon instance host from a host, an address or a handle: lowercase, punycode, validated as a hostname. */
function instanceHost(input: string): string | null {
  const host = input
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .replace(/^.*@/, '');
  const probe = normalizeHandle('mastodon', `user@${host}`);
  return probe?.startsWith('user@') ? probe.slice('user@'.length) : null;
}

const CONNECTION_FORMS: Network[] = [
  {
    site: 'bluesky',
    name: 'Bluesky',
    idLabel: 'Your handle',
    placeholder: 'you.bsky.social',
    parse: (input) => normalizeHandle('bluesky', input),
    invalid: 'Not a Bluesky handle: enter it like you.bsky.social, or your own domain.',
    idHelp: 'Enough to check whom you follow (“Check all” in the toolbar): follows on Bluesky are public.',
    secretName: 'app password',
    secretRequired: false,
    secretHelp: (
      <>
        Needed to follow from TeamFollow and for “Follow all”. Create one in Bluesky under Settings → Privacy
        and security → App passwords; you can revoke it there at any time. Never enter your account password
        here.
      </>
    ),
    readOnly: 'checking works; add an app password to follow',
    limit: 'Bluesky allows 1,666 follows an hour',
  },
  {
    site: 'github',
    name: 'GitHub',
    idLabel: 'Your login',
    placeholder: 'octocat',
    parse: (input) => normalizeHandle('github', input),
    invalid: 'Not a GitHub login: enter it like octocat, or your profile link.',
    idHelp:
      'Enough to check whom you follow, within GitHub’s 60 requests an hour without a token (about 20 teammates).',
    secretName: 'token',
    secretRequired: false,
    secretHelp: (
      <>
        Needed to follow, and raises the limit to 5,000 requests an hour. Create it on GitHub under Settings →
        Developer settings → Personal access tokens: a classic token with the <code>user:follow</code> scope,
        or a fine-grained token with the “Followers” permission (read and write).
      </>
    ),
    readOnly: 'checking works (60 requests an hour); add a token to follow and for 5,000 an hour',
    limit: 'GitHub allows 500 follows an hour',
  },
  {
    site: 'mastodon',
    name: 'Mastodon',
    idLabel: 'Your home instance',
    placeholder: 'mastodon.social',
    parse: instanceHost,
    invalid: 'Not an instance address: enter the host of your server, like mastodon.social.',
    idHelp: 'The server where your account lives: TeamFollow looks every teammate up there.',
    secretName: 'access token',
    secretRequired: true,
    secretHelp: (
      <>
        Needed to check and to follow. On your instance, go to Preferences → Development → New application,
        tick the scopes <code>read:accounts</code>, <code>read:follows</code>, <code>read:search</code> and{' '}
        <code>write:follows</code>, save, then copy “Your access token”.
      </>
    ),
    limit: 'Mastodon allows 300 requests in 5 minutes, two for each follow',
  },
];

function savedOf(connections: Connections, site: ApiSite): Saved | undefined {
  if (site === 'bluesky')
    return connections.bluesky && { id: connections.bluesky.handle, secret: connections.bluesky.appPassword };
  if (site === 'github')
    return connections.github && { id: connections.github.login, secret: connections.github.token };
  return connections.mastodon && { id: connections.mastodon.instance, secret: connections.mastodon.token };
}

/** The connections with this network's entry replaced, or removed (secrets included) when `saved` is undefined. */
function withSaved(connections: Connections, site: ApiSite, saved: Saved | undefined): Connections {
  const { [site]: _removed, ...rest } = connections;
  if (!saved) return rest;
  const secret = saved.secret;
  if (site === 'bluesky')
    return { ...rest, bluesky: { handle: saved.id, ...(secret ? { appPassword: secret } : {}) } };
  if (site === 'github')
    return { ...rest, github: { login: saved.id, ...(secret ? { token: secret } : {}) } };
  return { ...rest, mastodon: { instance: saved.id, token: secret ?? '' } };
}

function messageOf(error: unknown): string {
  if (error instanceof RateLimitError)
    return `${error.message}: try again after ${new Date(error.retryAt).toLocaleTimeString()}.`;
  return errorText(error);
}

function formatSeconds(seconds: number): string {
  return seconds.toLocaleString('en', { maximumFractionDigits: 2 });
}

interface CardProps {
  network: Network;
  initial: Saved | undefined;
  initialPacing: number | undefined;
  fetch: Fetch;
}

function ConnectionCard({ network, initial, initialPacing, fetch }: CardProps) {
  const { site, name, secretName } = network;
  const [saved, setSaved] = useState(initial);
  const [idInput, setIdInput] = useState(initial?.id ?? '');
  const [secretInput, setSecretInput] = useState('');
  const [replacing, setReplacing] = useState(false);
  // Empty means the default, which may change with a later version.
  const [pacingInput, setPacingInput] = useState(
    initialPacing === undefined ? '' : formatSeconds(clampPacingS(site, initialPacing)),
  );
  const [errors, setErrors] = useState<{ id?: string; secret?: string; pacing?: string }>({});
  const [notice, setNotice] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // A saved secret is never shown back: "••••" until the person replaces it.
  const secretHidden = Boolean(saved?.secret) && !replacing;
  const status = !saved ? 'off' : saved.secret ? 'follows' : 'checks';
  const ids = { id: `${site}-id`, secret: `${site}-secret`, pacing: `${site}-pacing` };
  const secretLabel = `${secretName[0]?.toUpperCase()}${secretName.slice(1)}${network.secretRequired ? '' : ' (optional)'}`;

  function edited() {
    setErrors({});
    setNotice('');
  }

  /** The form as a connection, or null after marking what is wrong. */
  function readForm(): Saved | null {
    const id = network.parse(idInput);
    const secret = secretHidden ? saved?.secret : secretInput.trim() || undefined;
    const found: typeof errors = {};
    if (!id) found.id = idInput.trim() ? network.invalid : `Enter ${network.idLabel.toLowerCase()}.`;
    if (!secret && replacing) found.secret = `Enter the new ${secretName}, or keep the saved one.`;
    else if (!secret && network.secretRequired) found.secret = `Enter your ${secretName}.`;
    setErrors(found);
    return id && !found.secret ? { id, secret } : null;
  }

  async function save(event: Event) {
    event.preventDefault();
    setNotice('');
    const form = readForm();
    const text = pacingInput.trim();
    const seconds = text === '' ? undefined : Number(text);
    if (seconds !== undefined && !Number.isFinite(seconds)) {
      setErrors((found) => ({
        ...found,
        pacing: 'Enter a number of seconds, or leave it empty for the default.',
      }));
      return;
    }
    if (!form || busy) return;
    setBusy(true);
    try {
      await connectionsItem.setValue(withSaved(await connectionsItem.getValue(), site, form));
      const { [site]: _old, ...pacing }: Pacing = await pacingItem.getValue();
      const pace = clampPacingS(site, seconds);
      await pacingItem.setValue(seconds === undefined ? pacing : { ...pacing, [site]: pace });
      setSaved(form);
      setIdInput(form.id);
      setSecretInput('');
      setReplacing(false);
      setPacingInput(seconds === undefined ? '' : formatSeconds(pace));
      const raised = seconds !== undefined && seconds < pace;
      setNotice(
        `Saved ${name}.${raised ? ` The pacing is raised to ${formatSeconds(pace)} s, the fastest inside ${name}’s limits.` : ''}`,
      );
    } catch (error) {
      setNotice(`Could not save: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    setNotice('');
    setResult(null);
    const form = readForm();
    if (!form || busy) return;
    setBusy(true);
    try {
      const { account, canFollow } = await verifyConnection(site, form.id, form.secret, fetch);
      const unsaved = form.id !== saved?.id || form.secret !== saved?.secret ? ' (not saved yet)' : '';
      setResult({
        ok: true,
        text: `Connected as ${account}: ${canFollow ? 'checking and following work' : network.readOnly}${unsaved}.`,
      });
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function store(next: Saved | undefined, message: string) {
    try {
      await connectionsItem.setValue(withSaved(await connectionsItem.getValue(), site, next));
      setSaved(next);
      setReplacing(false);
      setSecretInput('');
      setResult(null);
      setErrors({});
      setNotice(message);
    } catch (error) {
      setNotice(`Could not save: ${messageOf(error)}`);
    }
  }

  function removeSecret() {
    if (saved)
      void store({ id: saved.id }, `Deleted the ${secretName}: checking still works; following needs one.`);
  }

  async function disconnect() {
    const hadSecret = Boolean(saved?.secret);
    await store(
      undefined,
      `Disconnected ${name}${hadSecret ? `: the ${secretName} is deleted from this browser` : ''}.`,
    );
    setIdInput('');
  }

  return (
    <form
      class="connection"
      noValidate
      onSubmit={save}
      data-testid="connection"
      data-site={site}
      data-status={status}
    >
      <h3 class="connection-title">
        <SiteIcon site={site} /> {name}
        <span class={`connection-status is-${status}`}>
          {status === 'off' ? 'Not connected' : status === 'checks' ? 'Checks only' : 'Checks and follows'}
        </span>
      </h3>

      <div class="field">
        <label for={ids.id}>{network.idLabel}</label>
        <input
          id={ids.id}
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={network.placeholder}
          value={idInput}
          aria-invalid={errors.id ? 'true' : undefined}
          aria-describedby={`${ids.id}-help${errors.id ? ` ${ids.id}-error` : ''}`}
          data-testid="connection-id"
          onInput={(event) => {
            setIdInput(event.currentTarget.value);
            edited();
          }}
        />
        {errors.id && (
          <p id={`${ids.id}-error`} class="field-error" data-testid="connection-error">
            {errors.id}
          </p>
        )}
        <p id={`${ids.id}-help`} class="muted hint">
          {network.idHelp}
        </p>
      </div>

      <div class="field">
        {secretHidden ? (
          <>
            <span class="field-label">{secretLabel}</span>
            <div class="secret-saved">
              <span data-testid="connection-secret-saved">
                <span aria-hidden="true">••••</span>
                <span class="visually-hidden">Saved, hidden</span>
              </span>
              <button
                type="button"
                data-testid="connection-secret-replace"
                aria-label={`Replace the ${secretName}`}
                onClick={() => {
                  setReplacing(true);
                  edited();
                }}
              >
                Replace
              </button>
              {!network.secretRequired && (
                <button
                  type="button"
                  data-testid="connection-secret-remove"
                  aria-label={`Delete the ${secretName}`}
                  onClick={removeSecret}
                >
                  Delete
                </button>
              )}
            </div>
          </>
        ) : (
          <>
            <label for={ids.secret}>{secretLabel}</label>
            <div class="inline-field">
              <input
                id={ids.secret}
                type="password"
                autocomplete="off"
                spellcheck={false}
                value={secretInput}
                aria-invalid={errors.secret ? 'true' : undefined}
                aria-describedby={`${ids.secret}-help${errors.secret ? ` ${ids.secret}-error` : ''}`}
                data-testid="connection-secret"
                onInput={(event) => {
                  setSecretInput(event.currentTarget.value);
                  edited();
                }}
              />
              {replacing && (
                <button
                  type="button"
                  onClick={() => {
                    setReplacing(false);
                    setSecretInput('');
                    edited();
                  }}
                >
                  Keep the saved one
                </button>
              )}
            </div>
          </>
        )}
        {errors.secret && (
          <p id={`${ids.secret}-error`} class="field-error" data-testid="connection-error">
            {errors.secret}
          </p>
        )}
        <p id={`${ids.secret}-help`} class="muted hint">
          {network.secretHelp}
        </p>
      </div>

      <div class="field">
        <label for={ids.pacing}>Seconds between follows in “Follow all”</label>
        <input
          id={ids.pacing}
          class="pacing-input"
          type="number"
          inputMode="decimal"
          min={NETWORKS[site].minPacingS}
          step={0.1}
          placeholder={formatSeconds(defaultPacingS(site))}
          value={pacingInput}
          aria-invalid={errors.pacing ? 'true' : undefined}
          aria-describedby={`${ids.pacing}-help`}
          data-testid="pacing"
          data-site={site}
          onInput={(event) => {
            setPacingInput(event.currentTarget.value);
            edited();
          }}
        />
        {errors.pacing && (
          <p class="field-error" data-testid="connection-error">
            {errors.pacing}
          </p>
        )}
        <p id={`${ids.pacing}-help`} class="muted hint">
          Default {formatSeconds(defaultPacingS(site))} s; at least {formatSeconds(NETWORKS[site].minPacingS)}{' '}
          s ({network.limit}).
        </p>
      </div>

      <p class="muted hint">
        Stored in this browser’s extension storage, never sent anywhere except to {name} itself when you check
        or follow.
      </p>

      <div class="actions start">
        <button type="submit" class="primary" disabled={busy} data-testid="connection-save">
          Save
        </button>
        <button type="button" disabled={busy} data-testid="connection-test" onClick={test}>
          Test
        </button>
        {saved && (
          <button
            type="button"
            class="danger"
            disabled={busy}
            data-testid="connection-remove"
            onClick={disconnect}
          >
            Disconnect
          </button>
        )}
      </div>
      <p class="notice" role="status">
        {busy ? 'Working…' : notice}
      </p>
      {result && (
        <p
          class={`connection-result ${result.ok ? 'is-ok' : 'is-error'}`}
          role={result.ok ? 'status' : 'alert'}
          data-testid="connection-result"
          data-ok={String(result.ok)}
        >
          {result.text}
        </p>
      )}
    </form>
  );
}

interface ConnectionsSectionProps {
  /** Injected in tests; the page's own fetch otherwise. */
  fetch?: Fetch;
}

/** Bluesky, GitHub and Mastodon through their APIs: the person's own account, credential and pacing per network. */
export function ConnectionsSection({
  fetch = (input, init) => globalThis.fetch(input, init),
}: ConnectionsSectionProps) {
  const [loaded, setLoaded] = useState<{ connections: Connections; pacing: Pacing } | null>(null);
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([connectionsItem.getValue(), pacingItem.getValue()]).then(
      ([connections, pacing]) => live && setLoaded({ connections, pacing }),
      (error: unknown) => live && setLoadError(`Could not read the connections: ${messageOf(error)}`),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="card" aria-labelledby="connections-heading" data-testid="connections">
      <h2 id="connections-heading">Connected networks</h2>
      <p>
        Bluesky, GitHub and Mastodon offer an API. Connect your account there and TeamFollow checks whom you
        follow without opening pages, and follows teammates for you, “Follow all” included, paced inside each
        network’s limits and stopped when the network says “too many requests”.
      </p>
      {loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : loaded === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <div class="connection-grid">
          {CONNECTION_FORMS.map((network) => (
            <ConnectionCard
              key={network.site}
              network={network}
              initial={savedOf(loaded.connections, network.site)}
              initialPacing={loaded.pacing[network.site]}
              fetch={fetch}
            />
          ))}
        </div>
      )}
    </section>
  );
}
