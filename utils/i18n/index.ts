import { browser } from 'wxt/browser';
import type { MessageKey, PluralKey } from './keys';

// Every text the user reads goes through here: the browser's i18n picks the language, Intl formats numbers, plurals,
// lists and dates in that same language.

export type { MessageKey, PluralKey } from './keys';

type Values = Readonly<Record<string, string | number>>;

let language: string | undefined;
// WXT types getMessage from public/_locales; ours are built from locales/, typed by MessageKey instead.
const message = (key: string): string => (browser.i18n.getMessage as (key: string) => string)(key);

/** The language the messages come in (`de`, `pt-BR`): the browser's UI language when TeamFollow has it, else English,
 * so numbers and dates never speak another language than the sentence around them. */
export function uiLanguage(): string {
  language ??= message('ext_language') || 'en';
  return language;
}

/** Forget the cached language (tests switch it). */
export function resetLanguage(): void {
  language = undefined;
  pluralRules = undefined;
}

/** A number as the UI language writes it ("10,000", "10.000", "10 000"). */
export function formatNumber(value: number): string {
  return value.toLocaleString(uiLanguage());
}

/** "Ada, Ben and Chen", in the UI language (`unit`: "5 followed, 2 not followed", no "and" in English). */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction',
): string {
  return new Intl.ListFormat(uiLanguage(), { type }).format(items);
}

/** A date (and time, if asked) in the UI language. */
export function formatDate(
  when: number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(when);
}

function fill(text: string, values: Values | undefined): string {
  if (!values) return text;
  return text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The text of `key` in the UI language, its `{name}` placeholders filled in (numbers formatted). */
export function t(key: MessageKey, values?: Values): string {
  return fill(message(key) || key, values);
}

let pluralRules: Intl.PluralRules | undefined;

/** The form of `key` for `count` (`key_one`, `key_other`, and `_few`/`_many` where the language has them), with
 * `{count}` filled in; a language without the form falls back to `_other`. */
export function plural(key: PluralKey, count: number, values?: Values): string {
  pluralRules ??= new Intl.PluralRules(uiLanguage());
  const form = message(`${key}_${pluralRules.select(count)}`) || message(`${key}_other`);
  return fill(form || key, { count, ...values });
}
