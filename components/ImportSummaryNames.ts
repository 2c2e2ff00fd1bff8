import { formatList, t } from '../utils/i18n/index';

// Joiners and leavers can be thousands on a first import or a new file: name the first ones, count the rest.

/** How many names a summary line lists before "and N more". */
export const NAMES_SHOWN = 50;

/** The names to list and how many more there are. */
export function firstNames(names: readonly string[], max = NAMES_SHOWN): { shown: string[]; more: number } {
  return { shown: names.slice(0, max), more: Math.max(0, names.length - max) };
}

/** "Ada, Bo, and 3 more", in the UI language. */
export function namesSentence(names: readonly string[], max = NAMES_SHOWN): string {
  const { shown, more } = firstNames(names, max);
  return formatList(more > 0 ? [...shown, t('components_names_more', { count: more })] : shown);
}
