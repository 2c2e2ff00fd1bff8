// The translations' source files turned into the browser's `_locales/<lang>/messages.json`. Pure: the build and the tests share it.

/** The UI languages, as the browser names their `_locales` folders; English is the default and the reference. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt_BR', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One area's texts in one language: key → text with `{name}` placeholders. */
export type Texts = Record<string, string>;
/** Every area's texts, by area and language (`locales/<area>/<lang>.json`). */
export type Sources = Record<string, Partial<Record<Language, Texts>>>;

interface ChromeMessage {
  message: string;
}

/** One text as the browser's message. `{name}` stays as written (`t()` fills it in, so every language may order and
 * omit placeholders freely); a literal `$` is doubled because the browser reads `$…$` as its own placeholders. */
export function chromeMessage(text: string): ChromeMessage {
  return { message: text.replaceAll('$', '$$$$') };
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The placeholder names a text uses, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))].sort();
}

/** Every area's texts of one language, merged, as `messages.json`. */
export function messagesFor(sources: Sources, lang: Language): Record<string, ChromeMessage> {
  const messages: Record<string, ChromeMessage> = {};
  for (const area of Object.keys(sources).sort()) {
    for (const [key, text] of Object.entries(sources[area]?.[lang] ?? {}))
      messages[key] = chromeMessage(text);
  }
  return messages;
}
