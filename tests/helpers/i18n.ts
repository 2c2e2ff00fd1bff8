import { fakeBrowser } from 'wxt/testing';
import { LANGUAGES, type Language, messagesFor, type Sources } from '../../utils/i18n/catalog';
import { resetLanguage } from '../../utils/i18n/index';

// The fake browser has no i18n: give it the built messages, English unless a test picks another language.

const files = import.meta.glob<Record<string, string>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

/** Every area's texts, read as the build reads them. */
export const sources: Sources = {};
for (const [path, texts] of Object.entries(files)) {
  const [, area, lang] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!area || !LANGUAGES.includes(lang as Language)) continue;
  sources[area] ??= {};
  (sources[area] as Record<string, unknown>)[lang as string] = texts;
}

/** Speak `lang` from now on, as a browser whose UI language it is. */
export function useLanguage(lang: Language): void {
  const messages = messagesFor(sources, lang);
  fakeBrowser.i18n.getMessage = ((key: string) =>
    messages[key]?.message.replaceAll('$$', '$') ?? '') as never;
  fakeBrowser.i18n.getUILanguage = () => lang.replace('_', '-');
  resetLanguage();
}

useLanguage('en');
