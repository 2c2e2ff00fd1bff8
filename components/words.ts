// Small pieces of wording shared by the popup, the options, the team view and the on-page flag: said once.

/** "just now", "5 min ago", "2 h ago", "3 d ago", or "on 4 Mar 2026". */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} d ago`;
  return `on ${new Date(then).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`;
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
