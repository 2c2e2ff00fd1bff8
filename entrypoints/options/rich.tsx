import type { ComponentChildren } from 'preact';

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/;

/**
 * A translated text whose `{name}` placeholders are elements (a link, a code span): `text` comes from t() or plural()
 * with those placeholders left in, so every language places the elements where its sentence needs them.
 */
export function withParts(
  text: string,
  parts: Readonly<Record<string, ComponentChildren>>,
): ComponentChildren[] {
  return text
    .split(PLACEHOLDER)
    .map((piece, index) => (index % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece))
    .filter((piece) => piece !== '');
}

/** Keeps `{count}` in a plural text for withParts: plural() picks the form from the number, the element shows it. */
export const KEEP_COUNT = { count: '{count}' } as const;
