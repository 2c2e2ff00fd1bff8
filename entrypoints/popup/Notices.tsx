import { plural, t } from '../../utils/i18n/index';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';

/** A site whose teammate pages TeamFollow could not read today shows up here, never as silence. */
export function Notices({ unreadable }: { unreadable: Partial<Record<SiteId, number>> }) {
  const sites = SITE_IDS.filter((site) => (unreadable[site] ?? 0) > 0);
  if (sites.length === 0) return null;
  return (
    <section class="notices" aria-label={t('popup_notices')}>
      {sites.map((site) => (
        <p key={site} class="notice" role="status" data-testid="unreadable-notice" data-site={site}>
          {plural('popup_unreadable', unreadable[site] ?? 0, { site: siteById(site).name })}
        </p>
      ))}
    </section>
  );
}
