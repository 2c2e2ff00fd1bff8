import { t } from '../../utils/i18n/index';
import type { MatrixCell as Cell } from './matrix';
import type { CellAction, Pending } from './use-cell-actions';
import { cellDescription, followsYouWords, STATE_WORDS, seenWords, stateWords } from './words';

interface MatrixCellProps {
  cell: Cell;
  name: string;
  siteName: string;
  /** Column index in the grid (0 is the teammate's name). */
  col: number;
  /** The one cell of the grid in the Tab order (roving tabindex). */
  active: boolean;
  pending: Pending | undefined;
  now: number;
  onAction(type: CellAction, cell: Cell, name: string): void;
}

/** One teammate on one network: the state in words and a symbol, follows-you, when seen, and Follow or Check. */
export function MatrixCell({ cell, name, siteName, col, active, pending, now, onAction }: MatrixCellProps) {
  const { symbol } = STATE_WORDS[cell.state];
  const words = stateWords(cell.state);
  const followsYou = followsYouWords(cell.followsYou);
  const seen = seenWords(cell, now);
  const busy = pending?.kind === 'sending';
  const failure = pending?.kind === 'error' ? pending.message : null;
  const action: CellAction | null =
    cell.state === 'not-following' ? 'follow' : cell.state === 'unknown' ? 'check' : null;
  return (
    <td
      class={`cell state-${cell.state}`}
      data-testid="matrix-cell"
      data-site={cell.site}
      data-state={cell.state}
      data-follows-you={cell.followsYou}
      data-col={col}
      aria-colindex={col + 1}
      tabIndex={active ? 0 : -1}
      title={failure ?? cellDescription(cell, siteName, now)}
    >
      <span class="cell-state">
        <span class="symbol" aria-hidden="true">
          {symbol}
        </span>{' '}
        {words}
      </span>
      {failure ? (
        <span class="cell-meta error">
          {t(action === 'check' ? 'team_cell_checkFailed' : 'team_cell_followFailed')}
        </span>
      ) : (
        <span class="cell-meta">
          {seen}
          {seen && followsYou && ' · '}
          {followsYou && <span class={`follows-you follows-you-${cell.followsYou}`}>{followsYou}</span>}
        </span>
      )}
      {action && (
        <button
          type="button"
          class={action === 'follow' ? 'primary small' : 'small'}
          data-testid={action === 'follow' ? 'follow-button' : 'check-button'}
          // Tab leaves the grid; inside it the arrows move and Enter presses the cell's button.
          tabIndex={-1}
          disabled={busy}
          aria-label={t(action === 'follow' ? 'team_cell_followLabel' : 'team_cell_checkLabel', {
            name,
            site: siteName,
          })}
          onClick={() => onAction(action, cell, name)}
        >
          {busy ? t('team_cell_sending') : action === 'follow' ? t('team_cell_follow') : t('team_cell_check')}
        </button>
      )}
    </td>
  );
}
