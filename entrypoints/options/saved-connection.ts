import type { ApiSite } from '../../utils/api/networks';
import type { Connections } from '../../utils/settings';

/** One network's saved connection, whatever its fields are called in storage. */
export interface Saved {
  id: string;
  secret?: string;
}

/** The seconds between follows set per network; a missing one means the default. */
export type Pacing = Partial<Record<ApiSite, number>>;

/** The saved connection of `site` in the stored connections, if there is one. */
export function savedOf(connections: Connections, site: ApiSite): Saved | undefined {
  if (site === 'bluesky')
    return connections.bluesky && { id: connections.bluesky.handle, secret: connections.bluesky.appPassword };
  if (site === 'github')
    return connections.github && { id: connections.github.login, secret: connections.github.token };
  return connections.mastodon && { id: connections.mastodon.instance, secret: connections.mastodon.token };
}

/** The connections with this network's entry replaced, or removed (secrets included) when `saved` is undefined. */
export function withSaved(connections: Connections, site: ApiSite, saved: Saved | undefined): Connections {
  const { [site]: _removed, ...rest } = connections;
  if (!saved) return rest;
  const secret = saved.secret;
  if (site === 'bluesky')
    return { ...rest, bluesky: { handle: saved.id, ...(secret ? { appPassword: secret } : {}) } };
  if (site === 'github')
    return { ...rest, github: { login: saved.id, ...(secret ? { token: secret } : {}) } };
  return { ...rest, mastodon: { instance: saved.id, token: secret ?? '' } };
}
