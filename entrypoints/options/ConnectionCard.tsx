import { useState } from 'preact/hooks';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { SiteIcon } from '../../components/SiteIcon';
import type { Fetch } from '../../utils/api/http';
import { clampPacingS } from '../../utils/api/pacing';
import { t } from '../../utils/i18n/index';
import { connectionsItem, pacingItem } from '../../utils/settings';
import { ConnectionResult, type TestResult } from './ConnectionResult';
import { failureText } from './failure-text';
import { MastodonSignIn, PasteInstead } from './MastodonSignIn';
import { startMastodonSignIn } from './mastodon-signin-flow';
import type { Network } from './network-forms';
import { PacingField } from './PacingField';
import { formatSeconds, parsePacing } from './pacing-input';
import { type ConnectionErrors, readConnection } from './read-connection';
import { SecretField } from './SecretField';
import { type Pacing, type Saved, withSaved } from './saved-connection';
import { verifyConnection } from './verify-connection';

const STATUS_WORDS = { off: 'Not connected', checks: 'Checks only', follows: 'Checks and follows' } as const;

interface ConnectionCardProps {
  network: Network;
  initial: Saved | undefined;
  initialPacing: number | undefined;
  fetch: Fetch;
}

/** One network's connection: the person's own account, its credential and the pacing of "Follow all". */
export function ConnectionCard({ network, initial, initialPacing, fetch }: ConnectionCardProps) {
  const { site, name, secretName } = network;
  const [saved, setSaved] = useState(initial);
  const [idInput, setIdInput] = useState(initial?.id ?? '');
  const [secretInput, setSecretInput] = useState('');
  const [replacing, setReplacing] = useState(false);
  // Empty means the default, which may change with a later version.
  const [pacingInput, setPacingInput] = useState(
    initialPacing === undefined ? '' : formatSeconds(clampPacingS(site, initialPacing)),
  );
  const [errors, setErrors] = useState<ConnectionErrors>({});
  const [notice, setNotice] = useState('');
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  // Mastodon signs in through the instance; the pasted token folds away behind "Paste a token instead".
  const signsIn = site === 'mastodon';
  const [pasteOpen, setPasteOpen] = useState(false);
  const [signingIn, setSigningIn] = useState(false);

  // A saved secret is never shown back: "••••" until the person replaces it.
  const secretHidden = Boolean(saved?.secret) && !replacing;
  const status = !saved ? 'off' : saved.secret ? 'follows' : 'checks';
  const secretLabel = `${secretName[0]?.toUpperCase()}${secretName.slice(1)}${network.secretRequired ? '' : ' (optional)'}`;

  function edited() {
    setErrors({});
    setNotice('');
  }

  /** An input handler that stores what was typed and clears the marks of the last save. */
  const typing = (set: (value: string) => void) => (value: string) => {
    set(value);
    edited();
  };

  /** The form as a connection, or null after marking what is wrong. */
  function readForm(): Saved | null {
    const typed = { idInput, secretInput, secretHidden, replacing, saved };
    const { form, errors: found } = readConnection(network, typed);
    setErrors(found);
    if (found.secret) setPasteOpen(true);
    return form;
  }

  async function save(event: Event) {
    event.preventDefault();
    setNotice('');
    const form = readForm();
    const seconds = parsePacing(pacingInput);
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
      setNotice(`Could not save: ${failureText(error)}`);
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
      setResult({ ok: false, text: failureText(error) });
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
      setNotice(`Could not save: ${failureText(error)}`);
    }
  }

  // Not async: startMastodonSignIn asks for the instance's permission, which must happen in the click itself.
  function signIn() {
    setNotice('');
    setResult(null);
    const instance = network.parse(idInput);
    if (!instance) {
      setErrors({ id: idInput.trim() ? network.invalid : t('signin_enterInstance') });
      return;
    }
    if (busy) return;
    setErrors({});
    setBusy(true);
    setSigningIn(true);
    startMastodonSignIn(instance, fetch)
      .then(async ({ token, account, pagesAllowed }) => {
        const next = { id: instance, secret: token };
        // The same storage as a pasted token: the API clients cannot tell the two apart.
        await connectionsItem.setValue(withSaved(await connectionsItem.getValue(), site, next));
        setSaved(next);
        setIdInput(instance);
        setSecretInput('');
        setReplacing(false);
        setResult({
          ok: true,
          text: t(pagesAllowed ? 'signin_done' : 'signin_donePagesRefused', { account, instance }),
        });
      })
      .catch((error: unknown) => setResult({ ok: false, text: failureText(error) }))
      .finally(() => {
        setBusy(false);
        setSigningIn(false);
      });
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
        <span class={`connection-status is-${status}`}>{STATUS_WORDS[status]}</span>
      </h3>

      <Field
        id={`${site}-id`}
        label={network.idLabel}
        error={errors.id}
        errorTestId="connection-error"
        help={network.idHelp}
      >
        {(control) => (
          <input
            {...control}
            {...PLAIN_TEXT}
            placeholder={network.placeholder}
            value={idInput}
            data-testid="connection-id"
            onInput={(event) => typing(setIdInput)(event.currentTarget.value)}
          />
        )}
      </Field>

      {signsIn && <MastodonSignIn busy={busy} onSignIn={signIn} />}

      <PasteInstead folded={signsIn} open={pasteOpen || replacing} onToggle={setPasteOpen}>
        <SecretField
          id={`${site}-secret`}
          label={secretLabel}
          secretName={secretName}
          help={network.secretHelp}
          error={errors.secret}
          hidden={secretHidden}
          replacing={replacing}
          removable={!network.secretRequired}
          value={secretInput}
          onInput={typing(setSecretInput)}
          onReplace={() => {
            setReplacing(true);
            edited();
          }}
          onKeep={() => {
            setReplacing(false);
            setSecretInput('');
            edited();
          }}
          onRemove={removeSecret}
        />
      </PasteInstead>

      <PacingField
        site={site}
        limit={network.limit}
        value={pacingInput}
        error={errors.pacing}
        onInput={typing(setPacingInput)}
      />

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
        {signingIn ? t('signin_waiting') : busy ? 'Working…' : notice}
      </p>
      {result && <ConnectionResult result={result} />}
    </form>
  );
}
