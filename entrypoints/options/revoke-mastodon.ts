import type { Fetch } from '../../utils/api/http';
import { revokeToken } from '../../utils/api/mastodon-signin';
import { t } from '../../utils/i18n/index';
import { mastodonClientsItem } from '../../utils/settings';

/**
 * Revokes a Mastodon token on its instance before a disconnect, with TeamFollow's application there (saved when
 * the token came from "Sign in with Mastodon"), and says what became of it; never rejects.
 */
export async function revokeMastodonToken(instance: string, token: string, fetch: Fetch): Promise<string> {
  // Unreadable storage only loses the revocation: the disconnect goes on.
  const client = await mastodonClientsItem.getValue().then(
    (clients) => clients[instance],
    () => undefined,
  );
  // Without TeamFollow's application the token is a pasted one, issued to the user's own application.
  const revocation = client
    ? await revokeToken(instance, client, token, fetch)
    : { outcome: 'notOurs' as const };
  if (revocation.outcome === 'revoked') return t('options_net_mastodon_revoked', { instance });
  if (revocation.outcome === 'notOurs') return t('options_net_mastodon_pasted', { instance });
  return t('options_net_mastodon_revokeFailed', { instance, reason: revocation.reason });
}
