import { siteById } from '../../utils/sites/index';
import type { NetworkSummary } from './summary';
import { summaryWords } from './words';

interface SummaryRowProps {
  summaries: readonly NetworkSummary[];
  /** How many teammates the counts cover. */
  shown: number;
}

/** Per network, how many of the shown teammates' accounts are followed, not followed and not checked. */
export function SummaryRow({ summaries, shown }: SummaryRowProps) {
  return (
    <tr class="matrix-summary" data-testid="matrix-summary" aria-rowindex={2}>
      <th scope="row" class="name-cell" aria-colindex={1}>
        <span class="member-name">Summary</span>
        <span class="member-team">
          {shown} {shown === 1 ? 'teammate' : 'teammates'}
        </span>
      </th>
      {summaries.map((summary, i) => (
        <td
          key={summary.site}
          class="summary-cell"
          data-testid="summary-cell"
          data-site={summary.site}
          data-followed={summary.followed}
          data-not-followed={summary.notFollowed}
          data-not-checked={summary.notChecked}
          aria-colindex={i + 2}
          title={`${siteById(summary.site).name}: ${summaryWords(summary)}`}
        >
          <span class="summary-line">
            <span aria-hidden="true">✓</span> {summary.followed} followed
          </span>
          {summary.requested > 0 && (
            <span class="summary-line">
              <span aria-hidden="true">◷</span> {summary.requested} requested
            </span>
          )}
          <span class="summary-line">
            <span aria-hidden="true">✗</span> {summary.notFollowed} not followed
          </span>
          <span class="summary-line">
            <span aria-hidden="true">?</span> {summary.notChecked} not checked
          </span>
        </td>
      ))}
    </tr>
  );
}
