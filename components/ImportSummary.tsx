import { useState } from 'preact/hooks';
import { formatList, plural, t } from '../utils/i18n/index';
import type { RosterEncoding } from '../utils/roster/decode';
import type { ImportSummary, RosterProblem } from '../utils/roster/types';
import { ImportSummaryLeavers } from './ImportSummaryLeavers';
import { namesSentence } from './ImportSummaryNames';

/** What one import attempt ended with: a summary, or a whole-file error (nothing was written). */
export type ImportOutcome =
  | { kind: 'done'; summary: ImportSummary; source?: string; encoding?: RosterEncoding }
  | { kind: 'failed'; message: string; source?: string };

// Long problem lists are cut: the first ones are the useful ones.
const PROBLEMS_SHOWN = 100;
const VALUE_CHARS = 60;

/** "Imported 10 teammates (3 new, 7 merged); 2 problems." */
export function summarySentence(summary: ImportSummary): string {
  const problems =
    summary.rejected === 0
      ? t('components_import_noProblems')
      : plural('components_import_problems', summary.rejected);
  return plural('components_import_sentence', summary.imported, {
    added: summary.added,
    merged: summary.merged,
    problems,
  });
}

function truncate(text: string): string {
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

function ProblemItem({ problem }: { problem: RosterProblem }) {
  const hasValue = problem.value !== undefined && problem.value !== '';
  return (
    <li
      data-testid="import-problem"
      data-line={problem.line}
      data-column={problem.column}
      data-kind={problem.kind}
    >
      <span class="problem-where">
        {problem.column
          ? t('components_import_lineColumn', { line: problem.line, column: problem.column })
          : t('components_import_line', { line: problem.line })}
      </span>{' '}
      {hasValue && (
        <>
          <code class="problem-value">{truncate(problem.value ?? '')}</code>{' '}
        </>
      )}
      <span class="problem-reason">
        {hasValue ? '— ' : ''}
        {problem.reason}{' '}
        {problem.kind === 'row' ? t('components_import_rowLeftOut') : t('components_import_cellLeftOut')}
      </span>
    </li>
  );
}

/** "Matched on name and team alone (no email or account to go by): Cy, Dee." and the like, one line each. */
function NameLine({ label, names, testId }: { label: string; names: string[] | undefined; testId: string }) {
  if (!names || names.length === 0) return null;
  return <p data-testid={testId}>{t('components_import_names', { label, names: namesSentence(names) })}</p>;
}

interface PanelProps {
  /** The hook: `import-summary` for the file import (DESIGN); another for a summary shown beside it. */
  testId?: string;
  outcome: ImportOutcome;
  /** Removes the teammates the file does not list, on the user's click. */
  onRemoveLeavers?: (ids: string[]) => Promise<void>;
}

/**
 * The result of an import, announced to screen readers; carries the e2e hooks `data-imported`, `data-rejected`
 * and `data-leavers`.
 */
export function ImportSummaryPanel({ outcome, onRemoveLeavers, testId = 'import-summary' }: PanelProps) {
  const [showAll, setShowAll] = useState(false);
  const [leaversRemoved, setLeaversRemoved] = useState(false);
  if (outcome.kind === 'failed') {
    return (
      <div
        class="import-summary is-error"
        data-testid={testId}
        data-imported="0"
        data-rejected="1"
        data-leavers="0"
        role="alert"
      >
        <p>
          <strong>{t('components_import_failed')}</strong> {outcome.message}{' '}
          {t('components_import_unchanged')}
        </p>
      </div>
    );
  }
  const { summary } = outcome;
  const problems = showAll ? summary.problems : summary.problems.slice(0, PROBLEMS_SHOWN);
  const leavers = summary.leavers ?? [];
  return (
    <div
      class={`import-summary${summary.rejected > 0 ? ' has-problems' : ''}`}
      data-testid={testId}
      data-imported={summary.imported}
      data-rejected={summary.rejected}
      data-leavers={leaversRemoved ? 0 : leavers.length}
      role="status"
    >
      <p>
        {outcome.source ? `${t('components_import_source', { source: outcome.source })} ` : ''}
        {summarySentence(summary)}
        {outcome.encoding && outcome.encoding !== 'UTF-8'
          ? ` ${t('components_import_encoding', { encoding: outcome.encoding })}`
          : ''}
      </p>
      <NameLine label={t('components_import_joiners')} names={summary.joiners} testId="import-joiners" />
      <NameLine label={t('components_import_byName')} names={summary.matchedByName} testId="import-by-name" />
      <ImportSummaryLeavers
        leavers={leavers}
        onRemove={onRemoveLeavers}
        onRemoved={() => setLeaversRemoved(true)}
      />
      {problems.length > 0 && (
        <ul class="problem-list" aria-label={t('components_import_problemList')}>
          {problems.map((problem, index) => (
            <ProblemItem key={index} problem={problem} />
          ))}
        </ul>
      )}
      {summary.ignoredColumns && summary.ignoredColumns.length > 0 && (
        <p class="muted">
          {t('components_import_ignoredColumns', { columns: formatList(summary.ignoredColumns) })}
        </p>
      )}
      {!showAll && summary.problems.length > PROBLEMS_SHOWN && (
        <button type="button" class="link-button" onClick={() => setShowAll(true)}>
          {t('components_import_showAll', { count: summary.problems.length })}
        </button>
      )}
    </div>
  );
}
