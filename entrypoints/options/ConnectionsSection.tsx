import { useEffect, useState } from 'preact/hooks';
import type { Fetch } from '../../utils/api/http';
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
      (error: unknown) => live && setLoadError(`Could not read the connections: ${failureText(error)}`),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="card" aria-labelledby="connections-heading" data-testid="connections">
      <h2 id="connections-heading">Connected networks</h2>
      <p>
        Bluesky, GitHub and Mastodon offer an API. Connect your account there and TeamFollow checks whom you
        follow without opening pages, and follows teammates for you, “Follow all” included, paced inside each
        network’s limits and stopped when the network says “too many requests”.
      </p>
      {loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : loaded === null ? (
        <p class="muted">Loading…</p>
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
