import { useEffect, useRef } from 'preact/hooks';
import { focusLost } from '../../components/use-keep-focus';
import { t } from '../../utils/i18n/index';
import { openOptions } from './send';

/** Nothing left to follow or check: the team is followed, or it has no accounts yet. */
export function AllFollowed({ accounts }: { accounts: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The last gap just left with the focus on its button: the news takes the focus instead of the page body.
  useEffect(() => {
    if (focusLost()) heading.current?.focus();
  }, []);
  if (accounts === 0)
    return (
      <div class="message">
        <p>{t('popup_noAccounts')}</p>
        <button type="button" onClick={openOptions}>
          {t('popup_noAccounts_add')}
        </button>
      </div>
    );
  return (
    <div class="message celebrate" data-testid="all-followed">
      <svg class="celebrate-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" />
        <path d="M14 25l7 7 13-15" />
      </svg>
      <h2 ref={heading} tabIndex={-1}>
        {t('popup_allFollowed')}
      </h2>
      <p class="muted">{t('popup_allFollowed_detail')}</p>
    </div>
  );
}
