import { t } from '../../utils/i18n/index';
import { openOptions } from './send';

/** The popup before there is a roster. */
export function FirstRun() {
  return (
    <div class="message first-run" data-testid="first-run">
      <h2>{t('popup_firstRun_title')}</h2>
      <p>{t('popup_firstRun_text')}</p>
      <button type="button" class="primary" data-testid="open-options-first-run" onClick={openOptions}>
        {t('popup_firstRun_button')}
      </button>
    </div>
  );
}
