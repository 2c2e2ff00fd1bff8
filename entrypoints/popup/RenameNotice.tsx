import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { announceChange } from '../../utils/changes';
import { getDb, renameAccount } from '../../utils/db';
import { errorText } from '../../utils/errors';
import { t } from '../../utils/i18n/index';
import { type RenameSuggestion, renameKey, renameSuggestionsItem, settleRename } from '../../utils/settings';
import { siteById } from '../../utils/sites/index';

/** "Ada's X handle changed from @old to @new: update the roster?", or for a moved account "… moved to …". */
export function renameQuestion(suggestion: RenameSuggestion): string {
  const site = siteById(suggestion.site).name;
  const values = { name: suggestion.memberName, site, from: suggestion.from, to: suggestion.to };
  return t(suggestion.kind === 'moved' ? 'popup_moved_question' : 'popup_rename_question', values);
}

/** Renamed handles a page showed (by the account's stable id): the roster changes only on the user's OK. */
export function RenameNotice() {
  const [pending, setPending] = useState<RenameSuggestion[]>([]);
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    void renameSuggestionsItem.getValue().then((value) => setPending(value.pending));
    return renameSuggestionsItem.watch((value) => setPending(value.pending));
  }, []);

  async function accept(suggestion: RenameSuggestion) {
    const key = renameKey(suggestion);
    try {
      await renameAccount(
        await getDb(),
        suggestion.memberId,
        suggestion.site,
        suggestion.from,
        suggestion.to,
      );
      await settleRename(suggestion, false);
      announceChange('popup');
      browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => undefined);
    } catch (error) {
      setFailures((old) => new Map(old).set(key, t('popup_rename_failed', { error: errorText(error) })));
    }
  }

  if (pending.length === 0) return null;
  return (
    <section class="rename-notices" aria-label={t('popup_rename_section')}>
      {pending.map((suggestion) => {
        const key = renameKey(suggestion);
        const failure = failures.get(key);
        return (
          <div key={key} class="notice" data-testid="rename-notice" data-site={suggestion.site}>
            <p>{renameQuestion(suggestion)}</p>
            <div class="actions start">
              <button
                type="button"
                class="primary"
                data-testid="rename-accept"
                onClick={() => void accept(suggestion)}
              >
                {t(suggestion.kind === 'moved' ? 'popup_moved_accept' : 'popup_rename_accept')}
              </button>
              <button
                type="button"
                data-testid="rename-dismiss"
                onClick={() => void settleRename(suggestion, true)}
              >
                {t(suggestion.kind === 'moved' ? 'popup_moved_dismiss' : 'popup_rename_dismiss')}
              </button>
            </div>
            {failure && (
              <p class="error" role="alert">
                {failure}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
