import { useState } from 'preact/hooks';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { SiteIcon } from '../../components/SiteIcon';
import type { Fetch } from '../../utils/api/http';
import { clampPacingS } from '../../utils/api/pacing';
import { type MessageKey, t } from '../../utils/i18n/index';
import { connectionsItem, pacingItem } from '../../utils/settings';
import { ConnectionResult, type TestResult } from './ConnectionResult';
import { failureText } from './failure-text';
import { MastodonSignIn, PasteInstead } from './MastodonSignIn';
import { startMastodonSignIn } from './mastodon-signin-flow';
import type { Network } from './network-forms';
import { PacingField } from './PacingField';
import { formatSeconds, parsePacing, secondsInput } from './pacing-input';
import { type ConnectionErrors, readConnection } from './read-connection';
import { SecretField } from './SecretField';
import { type Pacing, type Saved, withSaved } from './saved-connection';
import { verifyConnection } from './verify-connection';

const STATUS_WORDS: Record<'off' | 'checks' | 'follows', MessageKey> = {
  off: 'options_connection_off',
  checks: 'options_connection_checks',
  follows: 'options_connection_follows',
};

interface ConnectionCardProps {
  network: Network;
  initial: Saved | undefined;
  initialPacing: number | undefined;
  fetch: Fetch;
}

/** One network's connection: the person's own account, its credential and the pacing of "Follow all". */
export function ConnectionCard({ network, initial, initialPacing, fetch }: ConnectionCardProps) {
  const { site, name } = network;
  const [saved, setSaved] = useState(initial);
  const [idInput, setIdInput] = useState(initial?.id ?? '');
  const [secretInput, setSecretInput] = useState('');
  const [replacing, setReplacing] = useState(false);
  // Empty means the default, which may change with a later version.
  const [pacingInput, setPacingInput] = useState(
    initialPacing === undefined ? '' : secondsInput(clampPacingS(site, initialPacing)),
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
        pacing: t('options_connection_pacingInvalid'),
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
      setPacingInput(seconds === undefined ? '' : secondsInput(pace));
      const raised = seconds !== undefined && seconds < pace;
      const savedText = t('options_connection_saved', { site: name });
      setNotice(
        raised
          ? `${savedText} ${t('options_connection_raised', { seconds: formatSeconds(pace), site: name })}`
          : savedText,
      );
    } catch (error) {
      setNotice(t('options_couldNotSave', { error: failureText(error) }));
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
      const unsaved = form.id !== saved?.id || form.secret !== saved?.secret;
      const works = canFollow ? t('options_connection_canFollow') : (network.readOnly ?? '');
      setResult({
        ok: true,
        text: t(unsaved ? 'options_connection_testedUnsaved' : 'options_connection_tested', {
          account,
          works,
        }),
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
      setNotice(t('options_couldNotSave', { error: failureText(error) }));
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
    if (saved) void store({ id: saved.id }, network.secretDeleted);
  }

  async function disconnect() {
    if (!saved || busy) return;
    const { id, secret } = saved;
    setBusy(true);
    // The network is asked first, while the secret is still at hand; whatever it answers, the secret goes.
    const message = secret
      ? await network.disconnectSecret({ id, secret }, fetch)
      : t('options_connection_disconnected', { site: name });
    setBusy(false);
    await store(undefined, message);
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
        <span class={`connection-status is-${status}`}>{t(STATUS_WORDS[status])}</span>
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
          label={network.secretLabel}
          replaceLabel={network.replaceLabel}
          removeLabel={network.removeLabel}
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

      <p class="muted hint">{t('options_connection_stored', { site: name })}</p>

      <div class="actions start">
        <button type="submit" class="primary" disabled={busy} data-testid="connection-save">
          {t('options_save')}
        </button>
        <button type="button" disabled={busy} data-testid="connection-test" onClick={test}>
          {t('options_connection_test')}
        </button>
        {saved && (
          <button
            type="button"
            class="danger"
            disabled={busy}
            data-testid="connection-remove"
            onClick={disconnect}
          >
            {t('options_connection_disconnect')}
          </button>
        )}
      </div>
      <p class="notice" role="status" data-testid="connection-notice">
        {signingIn ? t('signin_waiting') : busy ? t('options_connection_working') : notice}
      </p>
      {result && <ConnectionResult result={result} />}
    </form>
  );
}
