import type { Account } from '../model';

/** One problem found in a roster file: a refused row, or a cell left out of its row. */
export interface RosterProblem {
  /** 1-based line in the file (the header is line 1); for JSON, the 1-based index of the member. */
  line: number;
  /** The column as written in the header (or the JSON field, e.g. `accounts.x`); empty for whole-file problems. */
  column: string;
  /** The offending text, truncated; shown as text, never as HTML. */
  value?: string;
  reason: string;
  /** `row`: the whole row was refused; `cell`: only that cell was left out. */
  kind: 'row' | 'cell';
}

/** A teammate as read from a file, before merging with the database. */
export interface ParsedMember {
  line: number;
  name: string;
  team?: string;
  email?: string;
  accounts: Account[];
  /** `"site:handle"` → the column it came from as written in the header (`links`, `GitHub`, `accounts.github`). */
  accountColumns?: Map<string, string>;
}

export interface ParsedRoster {
  format: 'csv' | 'json';
  members: ParsedMember[];
  problems: RosterProblem[];
  /** Header columns TeamFollow does not read, as written (not problems: nothing in them was expected). */
  ignoredColumns: string[];
}

export interface ImportSummary {
  /** Teammates that landed, new or merged. */
  imported: number;
  added: number;
  merged: number;
  /** Problems: refused rows plus invalid cells left out. */
  rejected: number;
  problems: RosterProblem[];
  /** Header columns that were not read, as written. */
  ignoredColumns?: string[];
  /** Names of the teammates this import added. */
  joiners?: string[];
  /** Teammates in the roster that the file does not list: shown with a "remove" offer, never removed by the import. */
  leavers?: { id: string; name: string }[];
  /** Names of teammates found by name and team alone, with no email or account to go by. */
  matchedByName?: string[];
}

/** The file as a whole cannot be read (too large, too many rows, not a roster): nothing was written. */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

export const ROSTER_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 } as const;

/** Longest name or team kept; longer names are cut, longer teams left out (both reported). */
export const MAX_TEXT_LENGTH = 200;
