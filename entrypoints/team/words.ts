import { relativeTime } from '../../components/words';
import type { CellState, FollowsYou, MatrixCell } from './matrix';
import type { NetworkSummary } from './summary';

// The words and symbols the team view shows for each state: one place, so a state never reads two ways.

/** A state's symbol (so that colour is never the only sign) and its words. */
export const STATE_WORDS: Record<CellState, { symbol: string; words: string }> = {
  following: { symbol: '✓', words: 'Following' },
  'not-following': { symbol: '✗', words: 'Not following' },
  requested: { symbol: '◷', words: 'Requested' },
  unknown: { symbol: '?', words: 'Not checked' },
  none: { symbol: '–', words: 'No account' },
};

const FOLLOWS_YOU_WORDS: Record<FollowsYou, string> = {
  true: 'follows you',
  false: 'doesn’t follow you',
  unknown: '',
};

/** "follows you", "doesn’t follow you", or nothing when nobody said. */
export function followsYouWords(followsYou: FollowsYou): string {
  return FOLLOWS_YOU_WORDS[followsYou];
}

/** When TeamFollow last saw the state: "seen 2 h ago", "never checked", or nothing for no account. */
export function seenWords(cell: MatrixCell, now: number): string {
  if (cell.state === 'none') return '';
  if (cell.checkedAt === undefined) return 'never checked';
  return `${cell.source === 'api' ? 'checked' : 'seen'} ${relativeTime(cell.checkedAt, now)}`;
}

/** Everything a cell says, for its title and screen readers: "GitHub @ada: Not following · seen 2 h ago · follows you". */
export function cellDescription(cell: MatrixCell, siteName: string, now: number): string {
  const who = cell.handle ? `${siteName} ${cell.handle}` : siteName;
  const parts = [STATE_WORDS[cell.state].words, seenWords(cell, now), followsYouWords(cell.followsYou)];
  return `${who}: ${parts.filter(Boolean).join(' · ')}`;
}

/** A network's summary in words: "3 followed · 1 not followed · 2 not checked" (a requested count when there is one). */
export function summaryWords(summary: NetworkSummary): string {
  const parts = [`${summary.followed} followed`];
  if (summary.requested) parts.push(`${summary.requested} requested`);
  parts.push(`${summary.notFollowed} not followed`, `${summary.notChecked} not checked`);
  return parts.join(' · ');
}
