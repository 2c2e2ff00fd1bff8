import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n/index';

/** No teammates yet: the way to the options, where a roster is imported. */
export function EmptyTeam() {
  return (
    <section class="empty" data-testid="team-empty">
      <h2>{t('team_empty_title')}</h2>
      <p>{t('team_empty_text')}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('team_empty_button')}
      </button>
    </section>
  );
}
