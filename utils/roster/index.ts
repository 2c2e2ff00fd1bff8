export {
  accountsBySite,
  CSV_COLUMNS,
  exportCsv,
  exportJson,
  exportMastodonCsv,
  type JsonRoster,
  type JsonRosterMember,
  memberToJson,
  memberToRow,
} from './export';
export { importRoster, mergeMembers } from './import';
export { parseRoster } from './parse';
export {
  type ImportSummary,
  MAX_TEXT_LENGTH,
  type ParsedMember,
  type ParsedRoster,
  ROSTER_LIMITS,
  RosterFileError,
  type RosterProblem,
} from './types';
