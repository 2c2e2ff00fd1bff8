import { relativeTime } from '../../components/words';
import { type ApiSite, isApiSite } from '../../utils/api/networks';
import type { AccountRow, Coverage } from '../../utils/gaps';
import { formatList, formatNumber, type MessageKey, t } from '../../utils/i18n/index';
import type { BulkRun, Connections } from '../../utils/settings';
import { type SiteId, siteById, type UnknownReason } from '../../utils/sites/index';

// The words the popup shows: what is known of an account, a network's coverage and runs, and counts.

const SOURCE_WORDS: Record<NonNullable<AccountRow['source']>, MessageKey> = {
  page: 'popup_seen_page',
  list: 'popup_seen_list',
  api: 'popup_seen_api',
  action: 'popup_seen_action',
};

/** Why a teammate's page last could not tell, and when. */
export interface UnknownNote {
  reason: UnknownReason;
  at: number;
}

const REASON_WORDS: Record<UnknownReason, MessageKey> = {
  loading: 'popup_reason_loading',
  'signed-out': 'popup_reason_signedOut',
  language: 'popup_reason_language',
  layout: 'popup_reason_layout',
  other: 'popup_reason_hidden',
};

/** What TeamFollow knows of an account: "not following · seen 2 h ago on the page", or "never checked". */
export function describeKnowledge(row: AccountRow, now: number, unknown?: UnknownNote): string {
  const parts: string[] = [];
  if (row.state === 'not-following') parts.push(t('popup_knowledge_notFollowing'));
  if (row.state === 'unknown' && unknown)
    parts.push(
      t(REASON_WORDS[unknown.reason], {
        site: siteById(row.site).name,
        when: relativeTime(unknown.at, now),
      }),
    );
  else if (row.checkedAt === undefined) parts.push(t('popup_knowledge_neverChecked'));
  else parts.push(t(SOURCE_WORDS[row.source ?? 'page'], { when: relativeTime(row.checkedAt, now) }));
  if (row.followsYou) parts.push(t('popup_knowledge_followsYou'));
  return parts.join(' · ');
}

const COVERAGE_WORDS: [keyof Coverage, MessageKey][] = [
  ['following', 'popup_coverage_following'],
  ['not-following', 'popup_coverage_notFollowing'],
  ['requested', 'popup_coverage_requested'],
  ['unknown', 'popup_coverage_unknown'],
];

/** Accessible text of a coverage bar: "GitHub: 5 following, 2 not following, 1 unknown". */
export function coverageLabel(siteName: string, coverage: Coverage): string {
  const parts = COVERAGE_WORDS.filter(([state]) => coverage[state] > 0).map(([state, key]) =>
    t(key, { count: coverage[state] }),
  );
  return t('popup_coverage_label', {
    site: siteName,
    parts: parts.length ? formatList(parts, 'unit') : t('popup_coverage_none'),
  });
}

/** The coverage in words, not colour alone: "1 not followed · 2 not checked", or "all followed". */
export function coverageWords(coverage: Coverage): string {
  // What is left to do, in words; how many are followed the line's "2/3" already says (one line per network).
  const open = [
    ...(coverage['not-following']
      ? [t('popup_coverage_notFollowed', { count: coverage['not-following'] })]
      : []),
    ...(coverage.unknown ? [t('popup_coverage_notChecked', { count: coverage.unknown })] : []),
  ];
  return open.length ? open.join(' · ') : t('popup_coverage_allFollowed');
}

/** Whether the network is connected through its API (checking works). */
export function canCheckAll(site: SiteId, connections: Connections): site is ApiSite {
  return isApiSite(site) && Boolean(connections[site]);
}

/** Whether following through the API is possible: the user gave the credential that follows. Never for other sites. */
export function canFollowAll(site: SiteId, connections: Connections): site is ApiSite {
  if (site === 'bluesky') return Boolean(connections.bluesky?.appPassword);
  if (site === 'github') return Boolean(connections.github?.token);
  if (site === 'mastodon') return Boolean(connections.mastodon?.token);
  return false;
}

export function isActive(run: BulkRun | undefined): boolean {
  return run?.status === 'running' || run?.status === 'waiting';
}

/** 12,345 in the UI language's digits and separators. */
export function formatCount(count: number): string {
  return formatNumber(count);
}

/** The line under a bulk run's progress bar. `clock` formats a time of day. */
export function bulkStatusText(run: BulkRun, siteName: string, clock: (at: number) => string): string {
  const follow = run.kind === 'follow-all';
  const progress = t('popup_bulk_progress', { done: run.done, total: run.total });
  const failed = run.failed > 0 ? t('popup_bulk_failedCount', { count: run.failed }) : '';
  const counts = failed ? t('popup_bulk_withFailed', { progress, failed }) : progress;
  switch (run.status) {
    case 'running':
      return t(follow ? 'popup_bulk_following' : 'popup_bulk_checking', { site: siteName, progress: counts });
    case 'waiting':
      return run.waitUntil
        ? t('popup_bulk_waitingUntil', { time: clock(run.waitUntil), progress })
        : t('popup_bulk_waiting', { progress });
    case 'stopped':
      return t('popup_bulk_stopped', { progress: counts }) + runReport(run);
    case 'done':
      return t(follow ? 'popup_bulk_followed' : 'popup_bulk_checked', { progress: counts }) + runReport(run);
    case 'failed':
      return run.message
        ? t('popup_bulk_failedWith', { message: run.message })
        : t('popup_bulk_failed', { progress });
  }
}

/** The end of a "Follow all" report: who was followed already, who was skipped, who failed and why. */
function runReport(run: BulkRun): string {
  if (run.kind !== 'follow-all') return '';
  const parts: string[] = [];
  if (run.already) parts.push(t('popup_bulk_already', { count: run.already }));
  if (run.skipped) parts.push(t('popup_bulk_skipped', { count: run.skipped }));
  const failures = (run.failures ?? []).map((f) =>
    t('popup_bulk_failure', { handle: f.handle, error: f.error }),
  );
  const said = parts.length ? t('popup_bulk_reportParts', { parts: formatList(parts, 'unit') }) : '';
  return failures.length ? said + t('popup_bulk_reportFailures', { failures: failures.join('; ') }) : said;
}
