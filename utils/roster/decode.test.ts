import { describe, expect, it } from 'vitest';
import { decodeRoster } from './decode';
import { parseRoster } from './parse';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of Latin-1 text (the two agree from U+00A0 to U+00FF). */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
/** UTF-16 code units as bytes, little or big end first. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

// 山田太郎 and 開発チーム in Shift_JIS, as Excel saves them in Japan.
const YAMADA = [0x8e, 0x52, 0x93, 0x63, 0x91, 0xbe, 0x98, 0x59];
const KAIHATSU_TEAM = [0x8a, 0x4a, 0x94, 0xad, 0x83, 0x60, 0x81, 0x5b, 0x83, 0x80];

describe('decodeRoster', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeRoster(utf8('name\nÅsa\n'))).toEqual({ text: 'name\nÅsa\n', encoding: 'UTF-8' });
    const withBom = decodeRoster(bytes([0xef, 0xbb, 0xbf], utf8('name\nÅsa\n')));
    expect(parseRoster(withBom.text).members[0]?.name).toBe('Åsa');
  });

  it('reads UTF-16 LE and BE with their BOM', () => {
    const text = 'name,team\r\nJürgen Müller,開発\r\n';
    expect(decodeRoster(bytes([0xff, 0xfe], utf16(text, true)))).toEqual({ text, encoding: 'UTF-16 LE' });
    expect(decodeRoster(bytes([0xfe, 0xff], utf16(text, false)))).toEqual({ text, encoding: 'UTF-16 BE' });
  });

  it('reads a German Excel file (Windows-1252, semicolons) with the right names', () => {
    const file = latin1('Name;Team;E-Mail\r\nJürgen Müller;Köln;j@example.com\r\nRené Façon;Öl & Gaß;\r\n');
    const { text, encoding } = decodeRoster(file, 'team.csv');
    expect(encoding).toBe('Windows-1252');
    expect(parseRoster(text).members.map((m) => [m.name, m.team])).toEqual([
      ['Jürgen Müller', 'Köln'],
      ['René Façon', 'Öl & Gaß'],
    ]);
    expect(text).not.toContain('\ufffd');
  });

  it('reads a Japanese Excel file (Shift_JIS) with the right names', () => {
    const file = bytes(utf8('name,team,x\r\n'), YAMADA, [0x2c], KAIHATSU_TEAM, utf8(',@yamada\r\n'));
    const { text, encoding } = decodeRoster(file);
    expect(encoding).toBe('Shift_JIS');
    expect(parseRoster(text).members[0]).toMatchObject({ name: '山田太郎', team: '開発チーム' });
  });

  it('refuses what it cannot read, naming the encoding, and never returns replacement characters', () => {
    expect(() => decodeRoster(utf16('name\nAda\n', true), 'team.csv')).toThrow(
      /UTF-16 text without a byte order mark/,
    );
    expect(() => decodeRoster(bytes([0xff, 0xfe, 0, 0], utf8('n')))).toThrow(/UTF-32/);
    expect(() => decodeRoster(bytes([0xff, 0xfe], [0x00, 0xd8, 0x41, 0x00]))).toThrow(/not valid UTF-16 LE/);
    expect(() => decodeRoster(bytes(utf8('name\n'), [0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toThrow(
      /not UTF-8 text, and it does not read as Windows-1252 or Shift_JIS/,
    );
    expect(() => decodeRoster(bytes(utf8('PK'), [3, 4, 20, 0, 6, 0]))).toThrow(/not a text file/);
  });

  it('keeps a rare NUL in a name, as export writes it', () => {
    expect(decodeRoster(utf8('name,team\nA\u0000,\u0001\u001f\n')).text).toBe(
      'name,team\nA\u0000,\u0001\u001f\n',
    );
  });
});
