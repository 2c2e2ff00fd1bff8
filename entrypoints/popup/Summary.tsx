import type { GapReport } from '../../utils/gaps';
import { formatCount, plural } from './popup-words';

/** Whether nothing is known yet (right after an import): every account not checked. */
export function nothingKnown(report: GapReport): boolean {
  return report.accounts > 0 && report.unknown.length === report.accounts;
}

/** The headline: how many accounts are not followed; right after an import, how many are not checked yet. */
export function Summary({ report }: { report: GapReport }) {
  const unchecked = report.unknown.length;
  return (
    <section class="glance" aria-label="Summary">
      {nothingKnown(report) ? (
        <p class="gap-total" data-testid="unchecked-total">
          <span class="gap-count-big">{formatCount(unchecked)}</span>{' '}
          {unchecked === 1 ? 'account not checked yet' : 'accounts not checked yet'}
        </p>
      ) : (
        <p class="gap-total">
          <span class="gap-count" data-testid="gap-count">
            {report.gaps.length}
          </span>{' '}
          {report.gaps.length === 1 ? 'account not followed' : 'accounts not followed'}
        </p>
      )}
      <p class="tally">
        {plural(report.teammates, 'teammate')} · {plural(report.accounts, 'account')}
        {nothingKnown(report) ? (
          <>
            {' · '}
            <span data-testid="gap-count">{report.gaps.length}</span> known not followed
          </>
        ) : (
          unchecked > 0 && ` · ${formatCount(unchecked)} not checked yet`
        )}
      </p>
    </section>
  );
}
