// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  type LabelTable,
  labelsAt,
  languageAt,
  READ_LANGUAGES,
  showsToken,
  textTokens,
  unreadReason,
} from './dom';

const fragment = (html: string, lang = '') => {
  document.documentElement.setAttribute('lang', lang);
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
};

describe('textTokens', () => {
  it('keeps the text of neighbouring elements apart on a minified page', () => {
    const header = fragment(
      '<div><span>Alice</span><span>@alice</span><span>Follows you</span><svg><title>icon</title></svg></div>',
    );
    expect(header.textContent).toContain('@aliceFollows you');
    expect(textTokens(header)).toEqual(['Alice', '@alice', 'Follows you']);
    expect(showsToken(header, '@Alice')).toBe(true);
    expect(showsToken(header, '@ali')).toBe(false);
  });
});

describe('languageAt and labelsAt', () => {
  const table = Object.fromEntries(
    READ_LANGUAGES.map((lang) => [lang, { follow: [`follow-${lang}`] }]),
  ) as unknown as LabelTable<'follow'>;

  it('takes the nearest lang, primary subtag, lowercase', () => {
    const el = fragment('<div lang="pt-BR"><b>x</b></div>', 'en');
    expect(languageAt(el.firstElementChild as Element)).toBe('pt');
    expect(labelsAt(table, el)?.follow).toEqual(['follow-pt']);
  });

  it('reads English where the page does not say, and nothing for a language outside the table', () => {
    expect(labelsAt(table, fragment('<div></div>'))?.follow).toEqual(['follow-en']);
    expect(labelsAt(table, fragment('<div></div>', 'ca'))).toBeNull();
  });
});

describe('unreadReason', () => {
  const table = Object.fromEntries(
    READ_LANGUAGES.map((lang) => [lang, { follow: lang === 'nl' ? [] : ['x'] }]),
  ) as unknown as LabelTable<'follow'>;

  it('blames the layout where every label is known, the language elsewhere', () => {
    expect(unreadReason(table, fragment('<div></div>', 'de'))).toBe('layout');
    expect(unreadReason(table, fragment('<div></div>', 'nl'))).toBe('language');
    expect(unreadReason(table, fragment('<div></div>', 'pl'))).toBe('language');
  });
});
