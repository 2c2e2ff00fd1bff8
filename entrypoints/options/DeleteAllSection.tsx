import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dialog } from '../../components/Dialog';
import { clearAll, getDb } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { notifyChange } from './notify-change';
import { teammates } from './teammates';

interface DeleteAllSectionProps {
  /** Teammates on the roster, for the confirmation. */
  count: number;
  onNotice: (text: string) => void;
  /** Called once everything is deleted (or failed to be), so the page shows the emptied storage. */
  onDeleted: () => Promise<void>;
}

/** Deletes the roster, the follow states, the history and the settings, after a confirmation. */
export function DeleteAllSection({ count, onNotice, onDeleted }: DeleteAllSectionProps) {
  const [confirming, setConfirming] = useState(false);

  async function deleteAllData() {
    try {
      await clearAll(await getDb());
      // Settings too: your own accounts and other preferences in extension storage.
      await browser.storage.local.clear();
      notifyChange();
      onNotice('All TeamFollow data in this browser was deleted.');
    } catch (error) {
      onNotice(`Could not delete everything: ${errorText(error)}`);
    }
    setConfirming(false);
    await onDeleted();
  }

  return (
    <>
      <section class="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete all data</h2>
        <p>
          Removes every teammate, every recorded follow state, the follow history, your accounts and
          TeamFollow’s other settings from this browser.
        </p>
        <button type="button" class="danger" data-testid="delete-all" onClick={() => setConfirming(true)}>
          Delete all data…
        </button>
      </section>
      {confirming && (
        <Dialog title="Delete all data?" onClose={() => setConfirming(false)} testId="delete-all-dialog">
          <p data-testid="delete-all-text">
            This removes your roster ({count} {teammates(count)}), every follow state TeamFollow recorded, the
            follow history, and TeamFollow’s settings in extension storage, including your accounts and the
            passwords and tokens of connected networks. It cannot be undone; export the roster first if you
            may need it again.
          </p>
          <p class="muted">
            Mastodon instances you added keep their permission until you remove them under Mastodon instances.
          </p>
          <div class="actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" class="danger" data-testid="delete-all-confirm" onClick={deleteAllData}>
              Delete everything
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
