import type { Connections } from '../settings';
import { createBlueskyApi } from './bluesky';
import { createGitHubApi } from './github';
import type { Fetch, FollowApi } from './http';
import { createMastodonApi } from './mastodon';
import type { ApiSite } from './networks';

/** The client for a connected network, or null when the user has not connected it (or its settings are invalid). */
export function connectApi(site: ApiSite, connections: Connections, fetch: Fetch): FollowApi | null {
  try {
    if (site === 'bluesky' && connections.bluesky) return createBlueskyApi({ ...connections.bluesky, fetch });
    if (site === 'github' && connections.github) return createGitHubApi({ ...connections.github, fetch });
    if (site === 'mastodon' && connections.mastodon)
      return createMastodonApi({ ...connections.mastodon, fetch });
  } catch {
    // A stored setting that the client refuses (edited by hand, or an older format) counts as not connected.
  }
  return null;
}
