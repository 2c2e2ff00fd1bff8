import { relativeTime } from '../../components/words';
import { type MessageKey, t } from '../../utils/i18n/index';
import type { CellState, FollowsYou, MatrixCell } from './matrix';
import type { NetworkSummary } from './summary';

// The words and symbols the team view shows for each state: one place, so a state never reads two ways.

/** A state's symbol (so that colour is never the only sign) and the key of its words. */
export const STATE_WORDS: Record<CellState, { symbol: string; key: MessageKey }> = {
  following: { symbol: '✓', key: 'team_state_following' },
  'not-following': { symbol: '✗', key: 'team_state_notFollowing' },
  requested: { symbol: '◷', key: 'team_state_requested' },
  unknown: { symbol: '?', key: 'team_state_unknown' },
  none: { symbol: '–', key: 'team_state_none' },
};

/** A state in words: "Following", "Not checked". */
export function stateWords(state: CellState): string {
  return t(STATE_WORDS[state].key);
}

const FOLLOWS_YOU_WORDS: Record<FollowsYou, MessageKey | null> = {
  true: 'team_followsYou',
  false: 'team_notFollowsYou',
  unknown: null,
};

/** "follows you", "doesn’t follow you", or nothing when nobody said. */
export function followsYouWords(followsYou: FollowsYou): string {
  const key = FOLLOWS_YOU_WORDS[followsYou];
  return key ? t(key) : '';
}

/** When TeamFollow last saw the state: "seen 2 h ago", "never checked", or nothing for no account. */
export function seenWords(cell: MatrixCell, now: number): string {
  if (cell.state === 'none') return '';
  if (cell.checkedAt === undefined) return t('team_neverChecked');
  const when = relativeTime(cell.checkedAt, now);
  return t(cell.source === 'api' ? 'team_checked' : 'team_seen', { when });
}

/** Everything a cell says, for its title and screen readers: "GitHub @ada: Not following · seen 2 h ago · follows you". */
export function cellDescription(cell: MatrixCell, siteName: string, now: number): string {
  const who = cell.handle ? `${siteName} ${cell.handle}` : siteName;
  const parts = [stateWords(cell.state), seenWords(cell, now), followsYouWords(cell.followsYou)];
  return t('team_cell_description', { who, parts: parts.filter(Boolean).join(' · ') });
}

/** A network's summary in words: "3 followed · 1 not followed · 2 not checked" (a requested count when there is one). */
export function summaryWords(summary: NetworkSummary): string {
  const parts = [t('team_count_followed', { count: summary.followed })];
  if (summary.requested) parts.push(t('team_count_requested', { count: summary.requested }));
  parts.push(
    t('team_count_notFollowed', { count: summary.notFollowed }),
    t('team_count_notChecked', { count: summary.notChecked }),
  );
  return parts.join(' · ');
}
