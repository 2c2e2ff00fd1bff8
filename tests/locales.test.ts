import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeMessage, LANGUAGES, placeholdersOf, type Texts } from '../utils/i18n/catalog';
import { sources } from './helpers/i18n';

// Every language complete, no key unused, no placeholder invented: a missing translation fails here, not in a user's face.

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');
const pluralBases = (texts: Texts) =>
  new Set(
    Object.keys(texts)
      .filter((key) => key.endsWith('_other'))
      .map(baseOf),
  );
const intlCode = (lang: string) => lang.replace('_', '-');

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|cases)\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = ['utils', 'components', 'entrypoints']
  .flatMap(codeFiles)
  .map((file) => readFileSync(file, 'utf8'));
code.push(readFileSync('wxt.config.ts', 'utf8'));
const allCode = code.join('\n');

describe.each(Object.keys(sources).sort())('locales/%s', (area) => {
  const english = sources[area]?.en ?? {};
  const plurals = pluralBases(english);

  it('has every language', () => {
    expect(Object.keys(sources[area] ?? {}).sort()).toEqual([...LANGUAGES].sort());
  });

  it(`names every key ${area}_…, and none is empty`, () => {
    for (const lang of LANGUAGES) {
      for (const [key, text] of Object.entries(sources[area]?.[lang] ?? {})) {
        expect(key, `${lang}: ${key}`).toMatch(new RegExp(`^${area}_[A-Za-z0-9_]+$`));
        expect(text.trim(), `${lang}: ${key}`).not.toBe('');
      }
    }
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s has exactly the English keys', (lang) => {
    const texts = sources[area]?.[lang] ?? {};
    const plain = (keys: string[]) => keys.filter((key) => !plurals.has(baseOf(key))).sort();
    expect(plain(Object.keys(texts))).toEqual(plain(Object.keys(english)));
    const categories = new Intl.PluralRules(intlCode(lang)).resolvedOptions().pluralCategories as string[];
    for (const base of plurals) {
      const forms = Object.keys(texts)
        .filter((key) => baseOf(key) === base && PLURAL.test(key))
        .map((key) => key.slice(base.length + 1));
      const required = ['other', ...(categories.includes('one') ? ['one'] : [])];
      for (const form of required) expect(forms, `${lang}: ${base}_${form}`).toContain(form);
      for (const form of forms)
        expect(categories, `${lang}: ${base}_${form} is not a form of ${lang}`).toContain(form);
    }
  });

  it.each(LANGUAGES)('%s uses only the placeholders the English text has', (lang) => {
    for (const [key, text] of Object.entries(sources[area]?.[lang] ?? {})) {
      const base = baseOf(key);
      const allowed = plurals.has(base)
        ? new Set(
            Object.entries(english)
              .filter(([other]) => baseOf(other) === base)
              .flatMap(([, englishText]) => [...placeholdersOf(englishText), 'count']),
          )
        : new Set(placeholdersOf(english[key] ?? ''));
      for (const name of placeholdersOf(text))
        expect(allowed, `${lang}: ${key} has {${name}}`).toContain(name);
      if (!plurals.has(base))
        expect(placeholdersOf(text), `${lang}: ${key}`).toEqual(placeholdersOf(english[key] ?? ''));
    }
  });

  it('uses every key in the code', () => {
    const keys = new Set(Object.keys(english).map((key) => (plurals.has(baseOf(key)) ? baseOf(key) : key)));
    const unused = [...keys].filter((key) => !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(allCode));
    expect(unused).toEqual([]);
  });
});

describe('the browser messages', () => {
  it('keep a literal $ and leave {placeholders} for t() to fill', () => {
    expect(chromeMessage('Pay $5 to {name}')).toEqual({ message: 'Pay $$5 to {name}' });
  });
});
