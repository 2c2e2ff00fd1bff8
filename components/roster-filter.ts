import { uiLanguage } from '../utils/i18n/index';
import type { Member } from '../utils/model';
import { hasEveryWord, queryWords } from './words';

// Sorted as the UI language sorts names.
const collator = new Intl.Collator(uiLanguage(), { sensitivity: 'base', numeric: true });

/** Members sorted by name, then team, as people read a list. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort(
    (a, b) => collator.compare(a.name, b.name) || collator.compare(a.team ?? '', b.team ?? ''),
  );
}

// Lowercased search text per member, rebuilt only when a member object changes.
const searchTextCache = new WeakMap<Member, string>();

function searchTextOf(member: Member): string {
  let text = searchTextCache.get(member);
  if (text === undefined) {
    text = [member.name, member.team ?? '', member.email ?? '', ...member.accounts.map((a) => a.handle)]
      .join('\n')
      .toLowerCase();
    searchTextCache.set(member, text);
  }
  return text;
}

/**
 * Members whose name, team, email or handles contain every word of the query (case-insensitive).
 * A leading `@` on a word is ignored, so `@alice` finds the handle `alice`.
 */
export function filterMembers(members: readonly Member[], query: string): Member[] {
  const words = queryWords(query);
  if (words.length === 0) return [...members];
  return members.filter((member) => hasEveryWord(searchTextOf(member), words));
}
