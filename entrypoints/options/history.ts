import { type MessageKey, t } from '../../utils/i18n/index';
import type { ActionRecord } from '../../utils/model';
import { spreadsheetCsv } from '../../utils/roster/export';

// The follow history's words and its CSV export (the `actions` store is read in db.ts).

/** Rows the history shows until the user asks for all. */
export const HISTORY_LIMIT = 200;

const VIA_LABELS: Record<ActionRecord['via'], MessageKey> = {
  page: 'options_history_viaPage',
  tab: 'options_history_viaTab',
  api: 'options_history_viaApi',
};

/** How a follow was made, as the history says it. */
export function viaLabel(via: ActionRecord['via']): string {
  const key = VIA_LABELS[via];
  return key ? t(key) : via;
}

export const HISTORY_CSV_COLUMNS = ['at', 'site', 'handle', 'via', 'result', 'detail'] as const;

/** An ISO 8601 time; empty for a malformed record rather than failing the whole export. */
function isoTime(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** CSV of the history in the order given: ISO 8601 times, raw codes for via and result, formula-safe. */
export function historyCsv(actions: readonly ActionRecord[]): string {
  const data = actions.map((action) => [
    isoTime(action.at),
    action.site,
    action.handle,
    action.via,
    action.result,
    action.detail ?? '',
  ]);
  return spreadsheetCsv(HISTORY_CSV_COLUMNS, data);
}
