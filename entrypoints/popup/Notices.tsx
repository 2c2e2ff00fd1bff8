import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';
import { plural } from './popup-words';

/** A site whose teammate pages TeamFollow could not read today shows up here, never as silence. */
export function Notices({ unreadable }: { unreadable: Partial<Record<SiteId, number>> }) {
  const sites = SITE_IDS.filter((site) => (unreadable[site] ?? 0) > 0);
  if (sites.length === 0) return null;
  return (
    <section class="notices" aria-label="Notices">
      {sites.map((site) => (
        <p key={site} class="notice" role="status" data-testid="unreadable-notice" data-site={site}>
          TeamFollow could not read {plural(unreadable[site] ?? 0, `${siteById(site).name} profile`)} today:{' '}
          {siteById(site).name}'s pages look different from what it knows. An update of TeamFollow may be
          needed.
        </p>
      ))}
    </section>
  );
}
