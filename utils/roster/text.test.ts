import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../tests/helpers/i18n';
import { cutText, previewOf } from './text';

describe('cutText', () => {
  it('keeps short text and cuts long text on a whole character', () => {
    expect(cutText('Ada', 5)).toBe('Ada');
    expect(cutText(`${'a'.repeat(199)}😀`, 200)).toBe('a'.repeat(199));
    expect(cutText(`${'a'.repeat(198)}e\u0301x`, 199)).toBe('a'.repeat(198));
    expect(cutText(`${'a'.repeat(197)}👩‍💻b`, 200)).toBe('a'.repeat(197));
  });
});

describe('previewOf', () => {
  it('describes values of any type without calling their own methods or recursing', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(previewOf(deep)).toBe('a list of 1');
    expect(previewOf({ toString: 1, valueOf: 2 })).toBe('an object');
    expect(previewOf(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('an object');
    expect(previewOf(42)).toBe('42');
    expect(previewOf(null)).toBe('null');
    expect(previewOf('x'.repeat(150))).toBe(`${'x'.repeat(100)}…`);
  });
});

describe('previewOf in German', () => {
  afterEach(() => useLanguage('en'));

  it('names a list by its length with the German plural', () => {
    useLanguage('de');
    expect(previewOf(['a'])).toBe('eine Liste mit 1 Eintrag');
    expect(previewOf(Array.from({ length: 10_000 }, () => 'a'))).toBe('eine Liste mit 10.000 Einträgen');
    expect(previewOf({})).toBe('ein Objekt');
  });
});
