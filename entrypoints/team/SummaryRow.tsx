import { plural, t } from '../../utils/i18n/index';
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
        <span class="member-name">{t('team_summary')}</span>
        <span class="member-team">{plural('team_summary_teammates', shown)}</span>
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
          title={t('team_summary_title', { site: siteById(summary.site).name, words: summaryWords(summary) })}
        >
          <span class="summary-line">
            <span aria-hidden="true">✓</span> {t('team_count_followed', { count: summary.followed })}
          </span>
          {summary.requested > 0 && (
            <span class="summary-line">
              <span aria-hidden="true">◷</span> {t('team_count_requested', { count: summary.requested })}
            </span>
          )}
          <span class="summary-line">
            <span aria-hidden="true">✗</span> {t('team_count_notFollowed', { count: summary.notFollowed })}
          </span>
          <span class="summary-line">
            <span aria-hidden="true">?</span> {t('team_count_notChecked', { count: summary.notChecked })}
          </span>
        </td>
      ))}
    </tr>
  );
}
