import { t } from '../i18n/index';
import { fileLabel } from './limits';
import { RosterFileError } from './types';

// Pure: a file's bytes in, its text out. Spreadsheets save rosters in more encodings than UTF-8: Excel's "CSV" is
// Windows-1252 in Western Europe and Shift_JIS in Japan, "Unicode text" is UTF-16 LE with a BOM. Each is detected and
// checked; a file that is none of them is refused by name, never read with replacement characters.

/** The encodings TeamFollow reads, as the summary names them. */
export type RosterEncoding = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252' | 'Shift_JIS';

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

// Japanese text: kana, kanji, full-width forms. Half-width kana and private-use characters are what a Western file
// read as Shift_JIS turns into, so they count against it.
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/gu;
const UNLIKELY_JAPANESE = /[\uff61-\uff9f\ue000-\uf8ff]/gu;
// Letters of Western European names and the punctuation such files hold; C1 controls mean the bytes are not 1252.
const WESTERN_LETTERS =
  /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]/gu;
const WESTERN_MARKS = /[\u00a0-\u00bf\u2013\u2014\u2018-\u201e\u2026\u20ac]/gu;
const C1_CONTROLS = /[\u0080-\u009f]/gu;
const NON_ASCII = /\P{ASCII}/gu;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** How much of the non-ASCII text reads as Japanese (1) or as something else (0 or below). */
function japaneseScore(text: string): number {
  const others = count(text, NON_ASCII);
  return others === 0 ? 0 : (count(text, JAPANESE) - count(text, UNLIKELY_JAPANESE)) / others;
}

/** How much of the non-ASCII text reads as Western European names and marks. */
function westernScore(text: string): number {
  const others = count(text, NON_ASCII);
  if (others === 0) return 0;
  return (
    (count(text, WESTERN_LETTERS) + 0.5 * count(text, WESTERN_MARKS) - 2 * count(text, C1_CONTROLS)) / others
  );
}

/** Most bytes at every other place are NUL: UTF-16 text that lost its BOM. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  const nulsAt = [0, 0];
  sample.forEach((byte, i) => {
    if (byte === 0) nulsAt[i % 2] = (nulsAt[i % 2] ?? 0) + 1;
  });
  const [even = 0, odd = 0] = nulsAt;
  // ASCII text in UTF-16 is a NUL in nearly every high byte and almost none in the low ones.
  return Math.max(even, odd) > sample.length * 0.4 && Math.min(even, odd) < sample.length * 0.05;
}

/**
 * Not text: a NUL or control byte in the header line (images, archives, documents). Control characters further
 * on are names as export writes them, and are kept.
 */
function looksBinary(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x0a) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return true;
  }
  return false;
}

/**
 * The text of a roster file and the encoding it was read in: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, else
 * Windows-1252 or Shift_JIS, whichever the bytes read as. Throws RosterFileError naming what the file is otherwise.
 */
export function decodeRoster(
  bytes: Uint8Array,
  fileName?: string,
): { text: string; encoding: RosterEncoding } {
  const file = fileLabel(fileName);
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    throw new RosterFileError(t('roster_decode_utf32', { file }));
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'UTF-16 LE'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'UTF-16 BE'
      : null;
  if (utf16) {
    const text = strict(utf16 === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be', bytes);
    if (text === null) throw new RosterFileError(t('roster_decode_badUtf16', { file, encoding: utf16 }));
    return { text, encoding: utf16 };
  }
  if (looksLikeBomlessUtf16(bytes)) {
    throw new RosterFileError(t('roster_decode_noBom', { file }));
  }
  if (looksBinary(bytes)) throw new RosterFileError(t('roster_notText', { file }));
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };

  const western = new TextDecoder('windows-1252').decode(bytes);
  const japanese = strict('shift_jis', bytes);
  const westernFit = westernScore(western);
  if (japanese !== null && japaneseScore(japanese) > Math.max(westernFit, 0.5)) {
    return { text: japanese, encoding: 'Shift_JIS' };
  }
  if (westernFit > 0.5) return { text: western, encoding: 'Windows-1252' };
  throw new RosterFileError(t('roster_decode_unknown', { file }));
}
