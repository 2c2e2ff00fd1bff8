import { uiLanguage } from '../../utils/i18n/index';

/** Seconds as a person reads them in the UI language: at most two decimals, no trailing zeros ("7.2", "7,2"). */
export function formatSeconds(seconds: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 2 }).format(seconds);
}

/** Seconds as a number input holds them, whatever the language: a dot, at most two decimals ("7.2"). */
export function secondsInput(seconds: number): string {
  return String(Math.round(seconds * 100) / 100);
}

/** The seconds typed in a pacing field: undefined for empty (the default), NaN for anything not a number. */
export function parsePacing(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
