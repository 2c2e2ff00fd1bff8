import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Field, PLAIN_TEXT } from '../../components/Field';
import { announceChange } from '../../utils/changes';
import { getDb, listMembers } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import type { ActiveProfile, PageAnswer } from '../../utils/messages';
import type { Account, Member } from '../../utils/model';
import { addAccount as addToRoster } from '../../utils/roster/add-account';
import { MAX_TEXT_LENGTH } from '../../utils/roster/types';
import { siteById } from '../../utils/sites/index';
import { AddToTeamPicker } from './AddToTeamPicker';

/** Asks the background which profile the active tab shows; null when none or when it cannot tell. */
async function askActiveProfile(): Promise<ActiveProfile | null> {
  const answer = (await browser.runtime.sendMessage({ type: 'active-profile' })) as PageAnswer | undefined;
  return answer?.ok ? (answer.profile ?? null) : null;
}

async function loadMembers(): Promise<Member[]> {
  return listMembers(await getDb());
}

/** Tells the popup, the options and the background (waking it for the badge) that the roster changed. */
function announce(): void {
  announceChange('popup');
  browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => undefined);
}

/** Adds the account and tells everyone the roster changed. */
async function addAccount(account: Account, to: { name: string } | { member: Member }): Promise<string> {
  const said = await addToRoster(await getDb(), account, to);
  announce();
  return said;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'added'; text: string }
  | { kind: 'failed'; text: string };

interface AddToTeamProps {
  /** Which profile the active tab shows (the background's answer); handed in by tests. */
  ask?: () => Promise<ActiveProfile | null>;
}

/** On the profile of someone not on the roster: add them as a new teammate, or to a teammate the user picks. */
export function AddToTeam({ ask = askActiveProfile }: AddToTeamProps) {
  const [profile, setProfile] = useState<ActiveProfile | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    let alive = true;
    ask()
      .then((shown) => {
        if (!alive || !shown) return;
        setProfile(shown);
        setName(shown.displayName);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [ask]);

  if (status.kind === 'added') {
    return (
      <p class="message add-to-team-done" role="status" data-testid="add-to-team-done">
        {status.text}
      </p>
    );
  }
  if (!profile || profile.member) return null;
  const account: Account = { site: profile.site, handle: profile.handle };
  const trimmed = name.trim();

  async function add(to: { name: string } | { member: Member }) {
    setStatus({ kind: 'saving' });
    try {
      setStatus({ kind: 'added', text: await addAccount(account, to) });
    } catch (error) {
      setStatus({ kind: 'failed', text: t('popup_add_failed', { error: errorText(error) }) });
    }
  }

  const saving = status.kind === 'saving';
  return (
    <section class="add-to-team" aria-labelledby="add-to-team-heading" data-testid="add-to-team-card">
      <h2 id="add-to-team-heading">
        {t('popup_add_heading', { handle: profile.handle, site: siteById(profile.site).name })}
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) void add({ name: trimmed });
        }}
      >
        <Field id="add-to-team-name" label={t('popup_add_name')}>
          {(control) => (
            <input
              {...control}
              {...PLAIN_TEXT}
              data-testid="add-to-team-name"
              maxLength={MAX_TEXT_LENGTH}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="primary" data-testid="add-to-team" disabled={saving || !trimmed}>
          {t('popup_add_submit')}
        </button>
      </form>
      <AddToTeamPicker
        loadMembers={loadMembers}
        disabled={saving}
        onPick={(member) => void add({ member })}
      />
      {status.kind === 'failed' && (
        <p class="error" role="alert">
          {status.text}
        </p>
      )}
    </section>
  );
}
