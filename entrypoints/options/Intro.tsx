import { formatList, t } from '../../utils/i18n/index';
import { sites } from '../../utils/sites/index';
import { teamViewUrl } from '../team/open';
import { withParts } from './rich';

/** What TeamFollow does, on which sites, and that the roster stays in the browser. */
export function Intro() {
  const siteNames = formatList(sites.map((site) => site.name));
  return (
    <header class="intro">
      <h1>TeamFollow</h1>
      <p>{t('options_intro_what', { sites: siteNames })}</p>
      <p>
        {withParts(t('options_intro_teamView'), {
          link: (
            <a href={teamViewUrl()} target="_blank" rel="noopener" data-testid="open-team">
              {t('options_intro_teamViewLink')}
            </a>
          ),
        })}
      </p>
      <p class="reassure">
        <strong>{t('options_intro_staysHere')}</strong> {t('options_intro_nothingSent')}
      </p>
    </header>
  );
}
