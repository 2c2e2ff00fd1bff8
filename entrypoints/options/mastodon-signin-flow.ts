import { browser } from 'wxt/browser';
import type { Fetch } from '../../utils/api/http';
import { type SignedIn, signInToMastodon } from '../../utils/api/mastodon-signin';
import { instancePattern } from '../../utils/instances';
import { mastodonClientsItem } from '../../utils/settings';

export interface SignInOutcome extends SignedIn {
  /** The browser lets TeamFollow onto the instance's pages (built in, or allowed now): the flag shows there. */
  pagesAllowed: boolean;
}

/**
 * Signs in on `instance` from the "Sign in with Mastodon" click. Call it synchronously in the click handler:
 * permissions.request comes first, before any await, as Firefox drops the user gesture after one.
 */
export function startMastodonSignIn(instance: string, fetch: Fetch): Promise<SignInOutcome> {
  const pattern = instancePattern(instance);
  // The API answers extension pages through CORS either way; the permission puts the flag on the instance's pages.
  const pagesAllowed = pattern
    ? browser.permissions.request({ origins: [pattern] }).catch(() => false)
    : Promise.resolve(true);
  return pagesAllowed.then(async (allowed) => {
    const signed = await signInToMastodon(instance, {
      fetch,
      launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
      redirectUri: browser.identity.getRedirectURL(),
      loadClient: async (host) => (await mastodonClientsItem.getValue())[host],
      saveClient: async (host, client) => {
        const { [host]: _old, ...others } = await mastodonClientsItem.getValue();
        await mastodonClientsItem.setValue(client ? { ...others, [host]: client } : others);
      },
    });
    return { ...signed, pagesAllowed: allowed };
  });
}
