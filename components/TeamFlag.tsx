import type { FlagView } from '../utils/content/profile-watch';
import { t } from '../utils/i18n/index';
import { headline, lastSeenNote, pointingNote, showButtonLabel, showButtonText } from './flag-words';
import { relativeTime } from './words';

// The on-page flag. It shows the roster name only: the page's own scripts can read what is injected.

export function TeamFlag({ view, onShow }: { view: FlagView; onShow: () => void }) {
  const recorded = view.state === 'unknown' && view.recorded ? view.recorded : null;
  return (
    <div class={`tf-flag tf-${view.state}`} role="status" aria-live="polite">
      <span class="tf-mark" aria-hidden="true">
        {view.state === 'following' ? '✓' : view.state === 'not-following' ? '+' : '•'}
      </span>
      <span class="tf-text">
        {headline(view)}
        {view.followsYou ? <span class="tf-pill">{t('flag_followsYou')}</span> : null}
        {recorded ? (
          <span class="tf-note">
            {lastSeenNote(recorded.state, relativeTime(recorded.checkedAt, Date.now()))}
          </span>
        ) : null}
        {view.pointing ? <span class="tf-note">{pointingNote(view)}</span> : null}
        {view.message ? <span class="tf-note tf-problem">{view.message}</span> : null}
      </span>
      {view.state === 'not-following' ? (
        <button
          type="button"
          class="tf-follow"
          data-testid="teamfollow-follow"
          aria-describedby="tf-follow-about"
          onClick={onShow}
        >
          {showButtonText(view)}
        </button>
      ) : null}
      {/* The button's name is its visible words (WCAG 2.5.3); whose button on which site is its description. */}
      {view.state === 'not-following' ? (
        <span id="tf-follow-about" hidden>
          {showButtonLabel(view)}
        </span>
      ) : null}
    </div>
  );
}
