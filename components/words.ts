import { formatDate, t, uiLanguage } from '../utils/i18n/index';

// Small pieces of wording shared by the popup, the options, the team view and the on-page flag: said once.

/** "just now", "5 minutes ago", "yesterday", "3 days ago", or "on 4 Mar 2026", in the UI language. */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 60) return t('common_justNow');
  const ago = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return ago.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return ago.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 30) return ago.format(-days, 'day');
  return t('common_onDate', { date: formatDate(then) });
}

/** The words of a search query, lowercase, a leading `@` dropped (so `@alice` finds the handle `alice`). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^@+/, ''))
    .filter(Boolean);
}

/** Whether a lowercase search text holds every word. */
export function hasEveryWord(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}
