import { plural, t, uiLanguage } from '../i18n/index';

// Pure text helpers of the roster: cut without splitting a character, preview any value without recursing.

/** `text` cut to at most `max` UTF-16 units, ending on a whole character (an emoji or accented letter stays whole). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(uiLanguage(), { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/**
 * A short text for any value read from a file, for a problem report: never recurses into nested values and
 * never calls a value's own `toString` (an object may carry one that is not a function).
 */
export function previewOf(value: unknown, max = 100): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Array.isArray(value)) text = plural('roster_preview_list', value.length);
  else if (value === null) text = 'null';
  else if (typeof value === 'object') text = t('roster_preview_object');
  else text = String(value);
  return text.length > max ? `${cutText(text, max)}…` : text;
}
