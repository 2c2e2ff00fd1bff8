import type { ComponentChildren } from 'preact';
import type { ApiSite } from '../../utils/api/networks';
import { instanceHost } from '../../utils/instances';
import { normalizeHandle } from '../../utils/sites/index';

/** The words and rules of one network's connection form. */
export interface Network {
  site: ApiSite;
  name: string;
  idLabel: string;
  placeholder: string;
  /** The canonical id from what was typed, or null. */
  parse(input: string): string | null;
  invalid: string;
  idHelp: ComponentChildren;
  secretName: string;
  secretRequired: boolean;
  secretHelp: ComponentChildren;
  /** What works with the id alone (networks whose secret is optional). */
  readOnly?: string;
  limit: string;
}

/** The connection form of each API network, in the order the page shows them. */
export const CONNECTION_FORMS: Network[] = [
  {
    site: 'bluesky',
    name: 'Bluesky',
    idLabel: 'Your handle',
    placeholder: 'you.bsky.social',
    parse: (input) => normalizeHandle('bluesky', input),
    invalid: 'Not a Bluesky handle: enter it like you.bsky.social, or your own domain.',
    idHelp: 'Enough to check whom you follow (“Check all” in the toolbar): follows on Bluesky are public.',
    secretName: 'app password',
    secretRequired: false,
    secretHelp: (
      <>
        Needed to follow from TeamFollow and for “Follow all”. Create one in Bluesky under Settings → Privacy
        and security → App passwords; you can revoke it there at any time. Never enter your account password
        here.
      </>
    ),
    readOnly: 'checking works; add an app password to follow',
    limit: 'Bluesky allows 1,666 follows an hour',
  },
  {
    site: 'github',
    name: 'GitHub',
    idLabel: 'Your login',
    placeholder: 'octocat',
    parse: (input) => normalizeHandle('github', input),
    invalid: 'Not a GitHub login: enter it like octocat, or your profile link.',
    idHelp:
      'Enough to check whom you follow, within GitHub’s 60 requests an hour without a token (about 20 teammates).',
    secretName: 'token',
    secretRequired: false,
    secretHelp: (
      <>
        Needed to follow, and raises the limit to 5,000 requests an hour. Create it on GitHub under Settings →
        Developer settings → Personal access tokens: a classic token with the <code>user:follow</code> scope,
        or a fine-grained token with the “Followers” permission (read and write).
      </>
    ),
    readOnly: 'checking works (60 requests an hour); add a token to follow and for 5,000 an hour',
    limit: 'GitHub allows 500 follows an hour',
  },
  {
    site: 'mastodon',
    name: 'Mastodon',
    idLabel: 'Your home instance',
    placeholder: 'mastodon.social',
    parse: instanceHost,
    invalid: 'Not an instance address: enter the host of your server, like mastodon.social.',
    idHelp: 'The server where your account lives: TeamFollow looks every teammate up there.',
    secretName: 'access token',
    secretRequired: true,
    secretHelp: (
      <>
        Needed to check and to follow. On your instance, go to Preferences → Development → New application,
        tick the scopes <code>read:accounts</code>, <code>read:follows</code>, <code>read:search</code> and{' '}
        <code>write:follows</code>, save, then copy “Your access token”.
      </>
    ),
    limit: 'Mastodon allows 300 requests in 5 minutes, two for each follow',
  },
];
