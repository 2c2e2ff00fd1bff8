import { relativeTime } from '../../components/words';
import { type ApiSite, isApiSite } from '../../utils/api/networks';
import type { AccountRow, Coverage } from '../../utils/gaps';
import type { BulkRun, Connections } from '../../utils/settings';
import { type SiteId, siteById, type UnknownReason } from '../../utils/sites/index';

// The words the popup shows: what is known of an account, a network's coverage and runs, and counts.

const SOURCE_WORDS: Record<NonNullable<AccountRow['source']>, [verb: string, where: string]> = {
  page: ['seen', 'on the page'],
  list: ['seen', 'in your following list'],
  api: ['checked', 'through the API'],
  action: ['recorded', 'after a follow'],
};

/** Why a teammate's page last could not tell, and when. */
export interface UnknownNote {
  reason: UnknownReason;
  at: number;
}

const REASON_WORDS: Record<UnknownReason, (site: string) => string> = {
  loading: (site) => `${site}'s page had not shown it`,
  'signed-out': (site) => `signed out of ${site}`,
  language: (site) => `${site} in a language TeamFollow does not read yet`,
  layout: (site) => `${site}'s page looked different from what TeamFollow knows`,
  other: (site) => `${site} does not show it`,
};

/** What TeamFollow knows of an account: "not following · seen 2 h ago on the page", or "never checked". */
export function describeKnowledge(row: AccountRow, now: number, unknown?: UnknownNote): string {
  const parts: string[] = [];
  if (row.state === 'not-following') parts.push('not following');
  if (row.state === 'unknown' && unknown)
    parts.push(`${REASON_WORDS[unknown.reason](siteById(row.site).name)} ${relativeTime(unknown.at, now)}`);
  else if (row.checkedAt === undefined) parts.push('never checked');
  else {
    const [verb, where] = SOURCE_WORDS[row.source ?? 'page'];
    parts.push(`${verb} ${relativeTime(row.checkedAt, now)} ${where}`);
  }
  if (row.followsYou) parts.push('follows you');
  return parts.join(' · ');
}

const COVERAGE_WORDS: [keyof Coverage, string][] = [
  ['following', 'following'],
  ['not-following', 'not following'],
  ['requested', 'requested'],
  ['unknown', 'unknown'],
];

/** Accessible text of a coverage bar: "GitHub: 5 following, 2 not following, 1 unknown". */
export function coverageLabel(siteName: string, coverage: Coverage): string {
  const parts = COVERAGE_WORDS.filter(([state]) => coverage[state] > 0).map(
    ([state, words]) => `${coverage[state]} ${words}`,
  );
  return `${siteName}: ${parts.length ? parts.join(', ') : 'no accounts'}`;
}

/** The coverage in words, not colour alone: "3 followed · 1 not followed · 2 not checked". */
export function coverageWords(coverage: Coverage): string {
  const followed = coverage.following + coverage.requested;
  return [
    `${formatCount(followed)} followed`,
    `${formatCount(coverage['not-following'])} not followed`,
    `${formatCount(coverage.unknown)} not checked`,
  ].join(' · ');
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

/** 12,345: thousands separated without Intl, whose first use costs tens of ms while the popup opens. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The line under a bulk run's progress bar. `clock` formats a time of day. */
export function bulkStatusText(run: BulkRun, siteName: string, clock: (at: number) => string): string {
  const doing = run.kind === 'follow-all' ? 'Following' : 'Checking';
  const progress = `${formatCount(run.done)} of ${formatCount(run.total)}`;
  const failed = run.failed > 0 ? `, ${formatCount(run.failed)} failed` : '';
  switch (run.status) {
    case 'running':
      return `${doing} on ${siteName}: ${progress}${failed}`;
    case 'waiting':
      return run.waitUntil
        ? `Waiting for the rate limit until ${clock(run.waitUntil)} (${progress})`
        : `Waiting for the rate limit (${progress})`;
    case 'stopped':
      return `Stopped after ${progress}${failed}${runReport(run)}`;
    case 'done':
      return `${run.kind === 'follow-all' ? 'Followed' : 'Checked'} ${progress}${failed}${runReport(run)}`;
    case 'failed':
      return run.message ? `Stopped: ${run.message}` : `Stopped by an error after ${progress}`;
  }
}

/** The end of a "Follow all" report: who was followed already, who was skipped, who failed and why. */
function runReport(run: BulkRun): string {
  if (run.kind !== 'follow-all') return '';
  const parts: string[] = [];
  if (run.already) parts.push(`${formatCount(run.already)} already followed`);
  if (run.skipped) parts.push(`${formatCount(run.skipped)} skipped`);
  const failures = (run.failures ?? []).map((f) => `${f.handle}: ${f.error}`);
  const said = parts.length ? `; ${parts.join(', ')}` : '';
  return failures.length ? `${said}. Failed: ${failures.join('; ')}` : said;
}
