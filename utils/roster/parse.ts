import Papa from 'papaparse';
import * as v from 'valibot';
import { t } from '../i18n/index';
import { type Account, accountKey } from '../model';
import { isSiteId, parseProfileUrl, type SiteId, siteById } from '../sites/index';
import { isStorable, storableHandle } from '../sites/storable';
import { fileLabel, hostRefusal, sizeLimitText } from './limits';
import { cutText, previewOf } from './text';
import {
  MAX_TEXT_LENGTH,
  type ParsedMember,
  type ParsedRoster,
  ROSTER_LIMITS,
  RosterFileError,
  type RosterProblem,
} from './types';

// Pure: text in, members and problems out. No browser API, no database.

type FieldKind = { kind: 'name' | 'team' | 'email' | 'links' } | { kind: 'site'; site: SiteId };

/** One cell to read: where it came from (header label or JSON field), what it holds, and its text. */
interface Field {
  label: string;
  kind: FieldKind;
  value: string;
}

const COLUMN_ALIASES: Record<string, FieldKind> = {
  name: { kind: 'name' },
  team: { kind: 'team' },
  email: { kind: 'email' },
  'e-mail': { kind: 'email' },
  links: { kind: 'links' },
  link: { kind: 'links' },
  twitter: { kind: 'site', site: 'x' },
  bsky: { kind: 'site', site: 'bluesky' },
  gh: { kind: 'site', site: 'github' },
};

function fieldKindOf(label: string): FieldKind | null {
  const key = label.trim().toLowerCase();
  if (isSiteId(key)) return { kind: 'site', site: key };
  // Own keys only: a column called `constructor` or `__proto__` is an unknown column, not Object's.
  return Object.hasOwn(COLUMN_ALIASES, key) ? (COLUMN_ALIASES[key] ?? null) : null;
}

const LIST_SEPARATORS = /[\s,;]+/;
const HAS_SEPARATOR = /[\s,;]/;
const LOOSE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_SHOWN_VALUE = 100;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTTPS = /^https:\/\//i;
// Export writes `'=1+1` so spreadsheets show text, and `''x` for text that starts with `'`; reading it back drops that
// one apostrophe.
const NEUTRALISED = /^'(?=[=+\-@\t\r'])/;
/** The handles or links of one cell; most cells hold one, so skip the split for them. */
function tokensOf(text: string): string[] {
  return HAS_SEPARATOR.test(text) ? text.split(LIST_SEPARATORS).filter(Boolean) : [text];
}

function shown(value: unknown): string {
  return previewOf(value, MAX_SHOWN_VALUE);
}

function withScheme(link: string): string {
  return ANY_SCHEME.test(link) ? link : `https://${link}`;
}

/** A scheme other than https (`javascript:`, `http:`, `data:`); a Bluesky `did:` is a handle, not a scheme. */
function hasForeignScheme(text: string): boolean {
  return ANY_SCHEME.test(text) && !HTTPS.test(text) && !/^did:/i.test(text);
}

/** Why `token` is not a handle of `site`, in words a user can act on. */
function handleProblem(site: SiteId, token: string): string {
  const siteName = siteById(site).name;
  if (hasForeignScheme(token)) return t('roster_problem_httpsOnly');
  if (token.includes('/')) {
    const other = parseProfileUrl(withScheme(token));
    if (other && other.site !== site)
      return t('roster_problem_otherSiteProfile', { other: siteById(other.site).name, site: siteName });
    return t('roster_problem_notProfileUrl', { site: siteName });
  }
  if (site === 'mastodon' && !token.replace(/^@/, '').includes('@')) {
    return t('roster_problem_mastodonInstance');
  }
  return hostRefusal(site, token) ?? t('roster_problem_notHandle', { site: siteName });
}

/** The account a link in the `links` column points to, or why it points to none. */
function accountFromLink(token: string): Account | string {
  if (hasForeignScheme(token)) return t('roster_problem_httpsOnly');
  const account = parseProfileUrl(withScheme(token));
  if (!account || !isStorable(account.site, account.handle)) return t('roster_problem_notProfilePage');
  return account;
}

/** Builds one teammate from the fields of a row; pushes its problems; null when the row is refused. */
function readMember(line: number, fields: Field[], problems: RosterProblem[]): ParsedMember | null {
  const cell = (field: Field, reason: string, value = field.value) =>
    problems.push({ line, column: field.label, value: shown(value), reason, kind: 'cell' });

  const nameField = fields.find((field) => field.kind.kind === 'name' && field.value.trim() !== '');
  if (!nameField) {
    problems.push({
      line,
      column: fields.find((f) => f.kind.kind === 'name')?.label ?? 'name',
      reason: t('roster_problem_rowNoName'),
      kind: 'row',
    });
    return null;
  }
  let name = nameField.value.trim();
  if (name.length > MAX_TEXT_LENGTH) {
    cell(nameField, t('roster_problem_nameCut', { max: MAX_TEXT_LENGTH }));
    name = cutText(name, MAX_TEXT_LENGTH);
  }
  const accountColumns = new Map<string, string>();
  const member: ParsedMember = { line, name, accounts: [], accountColumns };
  const addAccount = (account: Account, field: Field) => {
    const key = accountKey(account.site, account.handle);
    if (accountColumns.has(key)) return;
    accountColumns.set(key, field.label);
    member.accounts.push(account);
  };

  for (const field of fields) {
    const text = field.value.trim();
    if (!text) continue;
    switch (field.kind.kind) {
      case 'team':
        if (text.length > MAX_TEXT_LENGTH)
          cell(field, t('roster_problem_teamTooLong', { max: MAX_TEXT_LENGTH }));
        else member.team ??= text;
        break;
      case 'email': {
        const email = text.replace(/^mailto:/i, '');
        if (email.length > MAX_EMAIL_LENGTH || !LOOSE_EMAIL.test(email))
          cell(field, t('roster_problem_email'));
        else member.email ??= email.toLowerCase();
        break;
      }
      case 'site': {
        const site = field.kind.site;
        const tokens = tokensOf(text);
        const handles = tokens.map((token) => storableHandle(site, token));
        // Several handles only when all are valid: "Ada Quill" in a GitHub column is not two accounts.
        const invalid = tokens.find((_, i) => handles[i] === null);
        if (invalid !== undefined) cell(field, handleProblem(site, invalid), text);
        else for (const handle of handles) if (handle) addAccount({ site, handle }, field);
        break;
      }
      case 'links':
        for (const token of tokensOf(text)) {
          const account = accountFromLink(token);
          if (typeof account === 'string') cell(field, account, token);
          else addAccount(account, field);
        }
        break;
    }
  }
  return member;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function checkSize(text: string, file: string): void {
  // A UTF-16 unit is at least one UTF-8 byte: skip the encoding when the length alone says too large.
  if (text.length > ROSTER_LIMITS.maxBytes || utf8Length(text) > ROSTER_LIMITS.maxBytes) {
    throw new RosterFileError(t('roster_tooBig', { file, limit: sizeLimitText() }));
  }
}

function tooManyRows(file: string): RosterFileError {
  return new RosterFileError(t('roster_tooManyRows', { file, limit: ROSTER_LIMITS.maxRows }));
}

/** Tab if the header has one, else semicolon when it has more of them than commas, else comma. */
function delimiterOf(headerLine: string): string {
  if (headerLine.includes('\t')) return '\t';
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

interface Column {
  label: string;
  kind: FieldKind | null;
}

/**
 * CRLF and CR line ends become LF between rows only: a carriage return inside a quoted cell is the cell's own text.
 * One pass; a `""` inside quotes closes and reopens, which leaves the state as it was.
 */
function unifyLineEnds(raw: string): string {
  if (!raw.includes('\r')) return raw;
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (char === 34) quoted = !quoted;
    else if (char === 13 && !quoted) {
      parts.push(raw.slice(from, i), '\n');
      from = raw.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (from === i + 2) i++;
    }
  }
  parts.push(raw.slice(from));
  return parts.join('');
}

function parseCsv(raw: string, file: string): ParsedRoster {
  const text = unifyLineEnds(raw);
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  const members: ParsedMember[] = [];
  const problems: RosterProblem[] = [];
  // Typed with `as`: both are set inside Papa's callback, which TypeScript's narrowing cannot see.
  let header = null as Column[] | null;
  let failure = null as RosterFileError | null;
  let dataRows = 0;
  let offset = 0;
  let line = 1;

  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(firstLine),
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      // The cursor is the end of this row: count the newlines it spans to know the next row's line.
      const rowLine = line;
      line += countNewlines(text, offset, result.meta.cursor);
      offset = result.meta.cursor;
      const fail = (error: RosterFileError) => {
        failure = error;
        parser.abort();
      };
      if (result.errors.length > 0) {
        return fail(new RosterFileError(t('roster_unclosedQuote', { file, line: rowLine })));
      }
      const cells = result.data.map((cell) => (cell.startsWith("'") ? cell.replace(NEUTRALISED, '') : cell));
      if (cells.every((cell) => cell.trim() === '')) return;
      if (!header) {
        header = cells.map((label) => ({ label: label.trim(), kind: fieldKindOf(label) }));
        if (!header.some((column) => column.kind?.kind === 'name')) {
          fail(
            new RosterFileError(t('roster_noNameColumn', { file, example: 'name,team,email,github,links' })),
          );
        }
        return;
      }
      if (++dataRows > ROSTER_LIMITS.maxRows) return fail(tooManyRows(file));
      const fields: Field[] = [];
      header.forEach((column, index) => {
        if (column.kind) fields.push({ label: column.label, kind: column.kind, value: cells[index] ?? '' });
      });
      const member = readMember(rowLine, fields, problems);
      if (member) members.push(member);
    },
  });

  if (failure) throw failure;
  if (!header) throw new RosterFileError(t('roster_empty', { file }));
  const ignoredColumns = header.filter((c) => !c.kind && c.label !== '').map((c) => c.label);
  return { format: 'csv', members, problems, ignoredColumns };
}

const JsonRosterSchema = v.object({ version: v.literal(1), members: v.array(v.unknown()) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns one JSON member into fields like a CSV row's; values of the wrong type become problems. */
function jsonFields(index: number, raw: Record<string, unknown>, problems: RosterProblem[]): Field[] {
  const fields: Field[] = [];
  const wrongType = (column: string, reason: string) =>
    problems.push({
      line: index,
      column,
      value: shown(raw[column]),
      reason,
      kind: 'cell',
    });
  for (const key of ['name', 'team', 'email'] as const) {
    const value = raw[key];
    if (typeof value === 'string') fields.push({ label: key, kind: { kind: key }, value });
    else if (value !== undefined && value !== null && key !== 'name')
      wrongType(key, t('roster_problem_expectedText'));
  }
  const accounts = raw.accounts;
  if (accounts === undefined || accounts === null) return fields;
  if (!isRecord(accounts)) {
    wrongType('accounts', t('roster_problem_expectedAccounts'));
    return fields;
  }
  for (const [site, handles] of Object.entries(accounts)) {
    const label = `accounts.${site}`;
    const kind = fieldKindOf(site);
    const list = typeof handles === 'string' ? [handles] : handles;
    if (kind?.kind !== 'site') {
      problems.push({
        line: index,
        column: label,
        value: shown(handles),
        reason: t('roster_problem_unknownSite'),
        kind: 'cell',
      });
    } else if (!v.is(v.array(v.string()), list)) {
      problems.push({
        line: index,
        column: label,
        value: shown(handles),
        reason: t('roster_problem_expectedHandles'),
        kind: 'cell',
      });
    } else {
      for (const handle of list) fields.push({ label, kind, value: handle });
    }
  }
  return fields;
}

const JSON_MEMBER_KEYS = new Set(['name', 'team', 'email', 'accounts']);

function parseJson(text: string, file: string): ParsedRoster {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RosterFileError(t('roster_badJson', { file }));
  }
  const roster = v.safeParse(JsonRosterSchema, data);
  if (!roster.success) {
    if (isRecord(data) && 'version' in data && data.version !== 1) {
      throw new RosterFileError(t('roster_otherVersion', { file, version: shown(data.version) }));
    }
    throw new RosterFileError(
      t('roster_notRoster', { file, expected: '{ "version": 1, "members": [...] }' }),
    );
  }
  if (roster.output.members.length > ROSTER_LIMITS.maxRows) throw tooManyRows(file);
  const members: ParsedMember[] = [];
  const problems: RosterProblem[] = [];
  const ignored = new Set<string>();
  roster.output.members.forEach((raw, i) => {
    const index = i + 1;
    if (isRecord(raw)) for (const key of Object.keys(raw)) if (!JSON_MEMBER_KEYS.has(key)) ignored.add(key);
    if (!isRecord(raw)) {
      problems.push({
        line: index,
        column: '',
        value: shown(raw),
        reason: t('roster_problem_notObject'),
        kind: 'row',
      });
      return;
    }
    if (typeof raw.name !== 'string' || raw.name.trim() === '') {
      problems.push({ line: index, column: 'name', reason: t('roster_problem_memberNoName'), kind: 'row' });
      return;
    }
    const member = readMember(index, jsonFields(index, raw, problems), problems);
    if (member) members.push(member);
  });
  return { format: 'json', members, problems, ignoredColumns: [...ignored] };
}

/**
 * A header holds column names: a control character there means the file is no text (an image, an archive).
 * Further on, control characters are kept: they are names as export wrote them.
 */
function isBinaryHeader(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function firstLineOf(text: string): string {
  const start = text.search(/\S/);
  if (start === -1) return '';
  const end = text.slice(start, start + 65_536).search(/[\r\n]/);
  return text.slice(start, end === -1 ? start + 65_536 : start + end);
}

/**
 * Reads a roster file: JSON when its first character is `{` or `[`, else CSV/TSV with a header row.
 * Throws RosterFileError when the file as a whole cannot be read; problems in rows are returned instead.
 */
export function parseRoster(text: string, fileName?: string): ParsedRoster {
  const file = fileLabel(fileName);
  checkSize(text, file);
  const content = text.replace(/^\uFEFF/, '');
  if (isBinaryHeader(firstLineOf(content))) throw new RosterFileError(t('roster_notText', { file }));
  if (content.trim() === '') throw new RosterFileError(t('roster_empty', { file }));
  const first = content.trimStart()[0];
  return first === '{' || first === '[' ? parseJson(content, file) : parseCsv(content, file);
}
