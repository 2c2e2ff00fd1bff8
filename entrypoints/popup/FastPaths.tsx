import { type ApiSite, isApiSite, NETWORKS } from '../../utils/api/networks';
import type { GapReport } from '../../utils/gaps';
import { formatList, t } from '../../utils/i18n/index';
import type { Connections } from '../../utils/settings';
import { SITE_IDS, type SiteId, siteById } from '../../utils/sites/index';
import { openOptions, openTab } from './send';

interface FastPathsProps {
  report: GapReport;
  connections: Connections;
  ownHandles: Partial<Record<SiteId, string[]>>;
}

/**
 * The fast ways to learn what is not known yet: open your own following list on a site (TeamFollow records the
 * teammates you scroll past), or connect a network's API for an instant check.
 */
export function FastPaths({ report, connections, ownHandles }: FastPathsProps) {
  const unchecked = new Set(report.unknown.map((row) => row.site));
  const lists = SITE_IDS.filter((site) => unchecked.has(site) && siteById(site).followingListUrl);
  const connectable = SITE_IDS.filter(
    (site): site is ApiSite => unchecked.has(site) && isApiSite(site) && !connections[site],
  );
  if (lists.length === 0 && connectable.length === 0) return null;
  return (
    <section class="fast-paths" aria-labelledby="fast-paths-title" data-testid="fast-paths">
      <h2 id="fast-paths-title">{t('popup_fast_title')}</h2>
      {lists.length > 0 && (
        <>
          <p class="muted">{t('popup_fast_lists')}</p>
          <ul class="fast-list">
            {lists.map((site) => {
              const adapter = siteById(site);
              const own = ownHandles[site]?.[0];
              return (
                <li key={site}>
                  {own && adapter.followingListUrl ? (
                    <button
                      type="button"
                      class="small"
                      data-testid="open-following-list"
                      data-site={site}
                      onClick={() => openTab(adapter.followingListUrl?.(own) ?? '')}
                    >
                      {t('popup_fast_ownList', { site: adapter.name })}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="small"
                      data-testid="tell-own-handle"
                      data-site={site}
                      onClick={openOptions}
                    >
                      {t('popup_fast_tellHandle', { site: adapter.name })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {connectable.length > 0 && (
        <p>
          <button type="button" class="small" data-testid="connect-apis" onClick={openOptions}>
            {t('popup_fast_connect', {
              sites: formatList(connectable.map((site) => NETWORKS[site].name)),
            })}
          </button>
        </p>
      )}
    </section>
  );
}
