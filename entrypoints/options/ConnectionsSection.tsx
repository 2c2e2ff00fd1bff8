import { useEffect, useState } from 'preact/hooks';
import type { Fetch } from '../../utils/api/http';
import { t } from '../../utils/i18n/index';
import { type Connections, connectionsItem, pacingItem } from '../../utils/settings';
import { ConnectionCard } from './ConnectionCard';
import { failureText } from './failure-text';
import { CONNECTION_FORMS } from './network-forms';
import { type Pacing, savedOf } from './saved-connection';

interface ConnectionsSectionProps {
  /** Injected in tests; the page's own fetch otherwise. */
  fetch?: Fetch;
}

/** Bluesky, GitHub and Mastodon through their APIs: one card per network, each with its account, credential and pacing. */
export function ConnectionsSection({
  fetch = (input, init) => globalThis.fetch(input, init),
}: ConnectionsSectionProps) {
  const [loaded, setLoaded] = useState<{ connections: Connections; pacing: Pacing } | null>(null);
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([connectionsItem.getValue(), pacingItem.getValue()]).then(
      ([connections, pacing]) => live && setLoaded({ connections, pacing }),
      (error: unknown) =>
        live && setLoadError(t('options_connections_loadError', { error: failureText(error) })),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="card" aria-labelledby="connections-heading" data-testid="connections">
      <h2 id="connections-heading">{t('options_connections_heading')}</h2>
      <p>{t('options_connections_what')}</p>
      {loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : loaded === null ? (
        <p class="muted">{t('options_loading')}</p>
      ) : (
        <div class="connection-grid">
          {CONNECTION_FORMS.map((network) => (
            <ConnectionCard
              key={network.site}
              network={network}
              initial={savedOf(loaded.connections, network.site)}
              initialPacing={loaded.pacing[network.site]}
              fetch={fetch}
            />
          ))}
        </div>
      )}
    </section>
  );
}
