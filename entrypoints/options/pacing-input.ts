/** Seconds as a person reads them: at most two decimals, no trailing zeros. */
export function formatSeconds(seconds: number): string {
  return seconds.toLocaleString('en', { maximumFractionDigits: 2 });
}

/** The seconds typed in a pacing field: undefined for empty (the default), NaN for anything not a number. */
export function parsePacing(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
