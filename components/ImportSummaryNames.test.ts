import { describe, expect, it } from 'vitest';
import { firstNames, namesSentence } from './ImportSummaryNames';

describe('namesSentence', () => {
  it('lists every name up to the limit as the UI language joins a list, and counts the rest', () => {
    expect(namesSentence(['Ada', 'Bo'])).toBe('Ada and Bo');
    expect(namesSentence(['Ada', 'Bo', 'Cy', 'Dee'], 2)).toBe('Ada, Bo, and 2 more');
    expect(firstNames(Array.from({ length: 1200 }, (_, i) => `M${i}`))).toMatchObject({ more: 1150 });
  });
});
