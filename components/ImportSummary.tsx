import { useState } from 'preact/hooks';
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

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

/** "Imported 10 teammates (3 new, 7 merged); 2 problems." */
export function summarySentence(summary: ImportSummary): string {
  const problems = summary.rejected === 0 ? 'no problems' : plural(summary.rejected, 'problem');
  return `Imported ${plural(summary.imported, 'teammate')} (${summary.added} new, ${summary.merged} merged); ${problems}.`;
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
        Line {problem.line}
        {problem.column ? `, column ${problem.column}` : ''}:
      </span>{' '}
      {hasValue && (
        <>
          <code class="problem-value">{truncate(problem.value ?? '')}</code>{' '}
        </>
      )}
      <span class="problem-reason">
        {hasValue ? '— ' : ''}
        {problem.reason} {problem.kind === 'row' ? '(row left out)' : '(cell left out)'}
      </span>
    </li>
  );
}

/** "Matched on name and team alone (no email or account to go by): Cy, Dee." and the like, one line each. */
function NameLine({ label, names, testId }: { label: string; names: string[] | undefined; testId: string }) {
  if (!names || names.length === 0) return null;
  return (
    <p data-testid={testId}>
      {label}: {namesSentence(names)}.
    </p>
  );
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
          <strong>Import failed.</strong> {outcome.message} Your roster is unchanged.
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
        {outcome.source ? `${outcome.source}: ` : ''}
        {summarySentence(summary)}
        {outcome.encoding && outcome.encoding !== 'UTF-8' ? ` Read as ${outcome.encoding} text.` : ''}
      </p>
      <NameLine label="New on the roster" names={summary.joiners} testId="import-joiners" />
      <NameLine
        label="Matched on name and team alone (no email or account to go by)"
        names={summary.matchedByName}
        testId="import-by-name"
      />
      <ImportSummaryLeavers
        leavers={leavers}
        onRemove={onRemoveLeavers}
        onRemoved={() => setLeaversRemoved(true)}
      />
      {problems.length > 0 && (
        <ul class="problem-list" aria-label="Problems">
          {problems.map((problem, index) => (
            <ProblemItem key={index} problem={problem} />
          ))}
        </ul>
      )}
      {summary.ignoredColumns && summary.ignoredColumns.length > 0 && (
        <p class="muted">Columns not read: {summary.ignoredColumns.join(', ')}.</p>
      )}
      {!showAll && summary.problems.length > PROBLEMS_SHOWN && (
        <button type="button" class="link-button" onClick={() => setShowAll(true)}>
          Show all {summary.problems.length.toLocaleString('en')} problems
        </button>
      )}
    </div>
  );
}
