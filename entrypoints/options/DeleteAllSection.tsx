import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dialog } from '../../components/Dialog';
import type { Fetch } from '../../utils/api/http';
import { clearAll, getDb } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { plural, t } from '../../utils/i18n/index';
import { connectionsItem } from '../../utils/settings';
import { notifyChange } from './notify-change';
import { revokeMastodonToken } from './revoke-mastodon';

interface DeleteAllSectionProps {
  /** Teammates on the roster, for the confirmation. */
  count: number;
  onNotice: (text: string) => void;
  /** Called once everything is deleted (or failed to be), so the page shows the emptied storage. */
  onDeleted: () => Promise<void>;
  /** Injected in tests; the page's own fetch otherwise. */
  fetch?: Fetch;
}

/** Deletes the roster, the follow states, the history and the settings, after a confirmation. */
export function DeleteAllSection({
  count,
  onNotice,
  onDeleted,
  fetch = (input, init) => globalThis.fetch(input, init),
}: DeleteAllSectionProps) {
  const [confirming, setConfirming] = useState(false);

  async function deleteAllData() {
    try {
      const revoked = await revokeMastodon(fetch);
      await clearAll(await getDb());
      // Settings too: your own accounts and other preferences in extension storage.
      await browser.storage.local.clear();
      notifyChange();
      onNotice(revoked ? `${t('options_deleteAll_done')} ${revoked}` : t('options_deleteAll_done'));
    } catch (error) {
      onNotice(t('options_deleteAll_failed', { error: errorText(error) }));
    }
    setConfirming(false);
    await onDeleted();
  }

  return (
    <>
      <section class="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('options_deleteAll_heading')}</h2>
        <p>{t('options_deleteAll_what')}</p>
        <button type="button" class="danger" data-testid="delete-all" onClick={() => setConfirming(true)}>
          {t('options_deleteAll_button')}
        </button>
      </section>
      {confirming && (
        <Dialog
          title={t('options_deleteAll_title')}
          onClose={() => setConfirming(false)}
          testId="delete-all-dialog"
        >
          <p data-testid="delete-all-text">{plural('options_deleteAll_confirm', count)}</p>
          <p class="muted">{t('options_deleteAll_instances')}</p>
          <div class="actions">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('options_cancel')}
            </button>
            <button type="button" class="danger" data-testid="delete-all-confirm" onClick={deleteAllData}>
              {t('options_deleteAll_confirmButton')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/**
 * A Mastodon token goes as Disconnect takes it: revoked on its instance first, where TeamFollow signed in. Resolves
 * to what became of it, or null without one; never holds up the deletion.
 */
async function revokeMastodon(fetch: Fetch): Promise<string | null> {
  const mastodon = await connectionsItem.getValue().then(
    (connections) => connections.mastodon,
    () => undefined,
  );
  return mastodon?.token ? revokeMastodonToken(mastodon.instance, mastodon.token, fetch) : null;
}
