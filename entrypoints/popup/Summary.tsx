import type { GapReport } from '../../utils/gaps';
import { plural, t } from '../../utils/i18n/index';
import { formatCount } from './popup-words';

/** Whether nothing is known yet (right after an import): every account not checked. */
export function nothingKnown(report: GapReport): boolean {
  return report.accounts > 0 && report.unknown.length === report.accounts;
}

/** The headline: how many accounts are not followed; right after an import, how many are not checked yet. */
export function Summary({ report }: { report: GapReport }) {
  const unchecked = report.unknown.length;
  return (
    <section class="glance" aria-label={t('popup_summary')}>
      {nothingKnown(report) ? (
        <p class="gap-total" data-testid="unchecked-total">
          <span class="gap-count-big">{formatCount(unchecked)}</span>{' '}
          {plural('popup_summary_uncheckedWords', unchecked)}
        </p>
      ) : (
        <p class="gap-total">
          <span class="gap-count" data-testid="gap-count">
            {report.gaps.length}
          </span>{' '}
          {plural('popup_summary_gapWords', report.gaps.length)}
        </p>
      )}
      <p class="tally">
        {plural('popup_summary_teammates', report.teammates)} ·{' '}
        {plural('popup_list_accounts', report.accounts)}
        {nothingKnown(report) ? (
          <>
            {' · '}
            <span data-testid="gap-count">{report.gaps.length}</span> {t('popup_summary_knownNotFollowed')}
          </>
        ) : (
          unchecked > 0 && ` · ${t('popup_summary_unchecked', { count: unchecked })}`
        )}
      </p>
    </section>
  );
}
