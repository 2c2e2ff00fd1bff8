import { useState } from 'preact/hooks';
import { errorText } from '../utils/errors';
import { plural, t } from '../utils/i18n/index';
import { firstNames, namesSentence } from './ImportSummaryNames';

interface LeaversProps {
  leavers: { id: string; name: string }[];
  /** Removes these teammates from the roster (never an unfollow); absent where removal is not offered. */
  onRemove?: (ids: string[]) => Promise<void>;
  /** Called once they are removed, so the summary's `data-leavers` counts none left. */
  onRemoved: () => void;
}

type Removal =
  | { kind: 'idle' }
  | { kind: 'removing' }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

/** The teammates the file no longer lists, by name, and "Remove these N" that acts only on the user's click. */
export function ImportSummaryLeavers({ leavers, onRemove, onRemoved }: LeaversProps) {
  const [removal, setRemoval] = useState<Removal>({ kind: 'idle' });
  const count = leavers.length;
  if (count === 0) return null;
  const names = leavers.map((leaver) => leaver.name);
  const { shown, more } = firstNames(names);

  if (removal.kind === 'done') {
    return (
      <p class="leavers" data-testid="leavers-removed">
        {t('components_leavers_removed', { names: namesSentence(names) })}
      </p>
    );
  }

  async function remove() {
    if (!onRemove) return;
    setRemoval({ kind: 'removing' });
    try {
      await onRemove(leavers.map((leaver) => leaver.id));
      setRemoval({ kind: 'done' });
      onRemoved();
    } catch (error) {
      setRemoval({ kind: 'failed', message: errorText(error) });
    }
  }

  return (
    <div class="leavers">
      <p>{plural('components_leavers_intro', count)}</p>
      <ul class="name-list" aria-label={t('components_leavers_list')}>
        {shown.map((name, index) => (
          <li key={index} data-testid="leaver">
            {name}
          </li>
        ))}
        {more > 0 && <li class="muted">{t('components_leavers_more', { count: more })}</li>}
      </ul>
      {onRemove && (
        <button
          type="button"
          data-testid="remove-leavers"
          disabled={removal.kind === 'removing'}
          onClick={remove}
        >
          {t('components_leavers_remove', { count })}
        </button>
      )}
      {removal.kind === 'failed' && (
        <p class="error" role="alert">
          {t('components_leavers_failed', { error: removal.message })}
        </p>
      )}
    </div>
  );
}
