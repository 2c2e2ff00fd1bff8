import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiSite } from '../../utils/api/networks';
import type { AccountRow } from '../../utils/gaps';
import { plural, t } from '../../utils/i18n/index';

interface FollowAllReviewProps {
  site: ApiSite;
  siteName: string;
  /** The teammates on this network the user does not follow: exactly who "Follow all" may follow. */
  rows: readonly AccountRow[];
  /** Seconds between two follows of the run. */
  interval: number;
  onConfirm(handles: string[]): void;
  onCancel(): void;
}

/**
 * "Follow all" lists exactly who would be followed, each with a tick box (all ticked, untick to skip); only the
 * ticked ones are followed. GitHub's Acceptable Use Policies name "automated … following" as rank abuse, so its list
 * says these are the user's own teammates.
 */
export function FollowAllReview({
  site,
  siteName,
  rows,
  interval,
  onConfirm,
  onCancel,
}: FollowAllReviewProps) {
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const ticked = rows.filter((row) => !unticked.has(row.handle));
  const toggle = (handle: string, on: boolean) =>
    setUnticked((old) => {
      const next = new Set(old);
      if (on) next.delete(handle);
      else next.add(handle);
      return next;
    });
  return (
    <fieldset
      class="confirm review"
      data-testid="follow-all-review"
      data-site={site}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <legend class="visually-hidden">{t('popup_review_legend', { site: siteName })}</legend>
      <p>{t('popup_review_question', { site: siteName, seconds: interval })}</p>
      {site === 'github' && <p class="muted small-text">{t('popup_review_github')}</p>}
      <ul class="review-list">
        {rows.map((row) => (
          <li key={row.handle}>
            <label>
              <input
                type="checkbox"
                data-testid="follow-all-tick"
                data-handle={row.handle}
                checked={!unticked.has(row.handle)}
                onChange={(event) => toggle(row.handle, event.currentTarget.checked)}
              />
              <span class="name">{row.name}</span> <span class="handle">{row.handle}</span>
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="small primary"
        ref={confirmRef}
        data-testid="follow-all-confirm"
        data-site={site}
        disabled={ticked.length === 0}
        onClick={() => onConfirm(ticked.map((row) => row.handle))}
      >
        {t('popup_review_confirm', { count: ticked.length })}
      </button>
      <button type="button" class="small" data-testid="follow-all-cancel" onClick={onCancel}>
        {t('popup_review_cancel')}
      </button>
      <span class="visually-hidden" aria-live="polite">
        {plural('popup_review_ticked', ticked.length)}
      </span>
    </fieldset>
  );
}
