import { sites } from '../sites/index';
import { cutText } from './text';
import { MAX_TEXT_LENGTH } from './types';

// Pure: a tab's title in, a teammate's name out. The same rules for every site: no page is read for it.

// Site names as titles write them; Twitter is X's old name, still in some titles.
const SITE_NAMES = [...sites.map((site) => site.name.toLowerCase()), 'twitter'];
// The separators titles put between the name and the site: " / X", " | LinkedIn", " · GitHub", " - YouTube".
const SEPARATOR = /\s+[/|·•—–-]\s+/;
// "(3) Ada …": the unread count some sites put first.
const UNREAD_COUNT = /^\(\d+\+?\)\s*/;
const BRACKETS = /^[([{]+|[)\]}]+$/g;

/** A title part that is only the site ("X", "Threads, Say more", "Instagram photos and videos"). */
function isSiteName(part: string): boolean {
  const lower = part.toLowerCase();
  return SITE_NAMES.some((name) => lower === name || new RegExp(`^${name}[^\\p{L}\\p{N}]`, 'u').test(lower));
}

/** Words that are a handle written out: `@ada`, `(@Ada)`, `u/ada`. */
function isHandleWord(word: string, handle: string): boolean {
  const bare = word.replace(BRACKETS, '').toLowerCase();
  return bare.startsWith('@') || bare === `u/${handle.toLowerCase()}`;
}

// "login (Name)": the handle first, the name in brackets (GitHub's titles).
const HANDLE_THEN_NAME = /^(\S+)\s+\((.+)\)$/;

/**
 * The person's display name from a profile tab's title ("Ada Lindqvist (@ada) / X" → "Ada Lindqvist"):
 * without the unread count, the site's name, the separators and the handle; the handle when nothing is left.
 */
export function displayNameFromTitle(title: string | undefined, handle: string): string {
  const parts = (title ?? '').trim().replace(UNREAD_COUNT, '').split(SEPARATOR);
  for (const part of parts) {
    const trimmed = part.trim();
    if (isSiteName(trimmed)) continue;
    const handleFirst = HANDLE_THEN_NAME.exec(trimmed);
    const text = handleFirst?.[1]?.toLowerCase() === handle.toLowerCase() ? (handleFirst[2] ?? '') : trimmed;
    const words = text.split(/\s+/).filter((word) => word !== '' && !isHandleWord(word, handle));
    const name = words
      .join(' ')
      .replace(BRACKETS, '')
      .replace(/\(\s*\)/g, '')
      .trim();
    if (name) return cutText(name, MAX_TEXT_LENGTH);
  }
  return handle;
}
