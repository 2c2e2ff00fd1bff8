import type { ComponentChildren } from 'preact';
import type { Fetch } from '../../utils/api/http';
import type { ApiSite } from '../../utils/api/networks';
import { t } from '../../utils/i18n/index';
import { instanceHost } from '../../utils/instances';
import { normalizeHandle } from '../../utils/sites/index';
import { revokeMastodonToken } from './revoke-mastodon';
import { withParts } from './rich';
import type { Saved } from './saved-connection';

/** The words and rules of one network's connection form (the words read in the UI language when asked for). */
export interface Network {
  site: ApiSite;
  name: string;
  idLabel: string;
  /** What the id field says when it is left empty. */
  idMissing: string;
  placeholder: string;
  /** The canonical id from what was typed, or null. */
  parse(input: string): string | null;
  invalid: string;
  idHelp: ComponentChildren;
  /** The label of the secret field ("Token (optional)"). */
  secretLabel: string;
  secretRequired: boolean;
  secretHelp: ComponentChildren;
  /** The secret field left empty, and left empty while replacing the saved one. */
  secretMissing: string;
  secretMissingNew: string;
  /** The accessible names of Replace and Delete beside a saved secret. */
  replaceLabel: string;
  removeLabel: string;
  /** What the card says after the saved secret alone was deleted (networks where it is optional). */
  secretDeleted: string;
  /** Undoes the saved secret on the network where it can, before the card deletes it here; resolves to what the
   * card says then, and never rejects (nothing holds up a disconnect). */
  disconnectSecret(saved: Required<Saved>, fetch: Fetch): Promise<string>;
  /** What works with the id alone (networks whose secret is optional). */
  readOnly?: string;
  limit: string;
}

const code = (text: string) => <code>{text}</code>;

/** The connection form of each API network, in the order the page shows them. */
export const CONNECTION_FORMS: Network[] = [
  {
    site: 'bluesky',
    name: 'Bluesky',
    get idLabel() {
      return t('options_net_bluesky_idLabel');
    },
    get idMissing() {
      return t('options_net_bluesky_idMissing');
    },
    placeholder: 'you.bsky.social',
    parse: (input) => normalizeHandle('bluesky', input),
    get invalid() {
      return t('options_net_bluesky_invalid');
    },
    get idHelp() {
      return t('options_net_bluesky_idHelp');
    },
    get secretLabel() {
      return t('options_net_bluesky_secretLabel');
    },
    secretRequired: false,
    get secretHelp() {
      return t('options_net_bluesky_secretHelp');
    },
    get secretMissing() {
      return t('options_net_bluesky_secretMissing');
    },
    get secretMissingNew() {
      return t('options_net_bluesky_secretMissingNew');
    },
    get replaceLabel() {
      return t('options_net_bluesky_replace');
    },
    get removeLabel() {
      return t('options_net_bluesky_remove');
    },
    get secretDeleted() {
      return t('options_net_bluesky_secretDeleted');
    },
    disconnectSecret: async () => t('options_net_bluesky_disconnected'),
    get readOnly() {
      return t('options_net_bluesky_readOnly');
    },
    get limit() {
      return t('options_net_bluesky_limit');
    },
  },
  {
    site: 'github',
    name: 'GitHub',
    get idLabel() {
      return t('options_net_github_idLabel');
    },
    get idMissing() {
      return t('options_net_github_idMissing');
    },
    placeholder: 'octocat',
    parse: (input) => normalizeHandle('github', input),
    get invalid() {
      return t('options_net_github_invalid');
    },
    get idHelp() {
      return t('options_net_github_idHelp');
    },
    get secretLabel() {
      return t('options_net_github_secretLabel');
    },
    secretRequired: false,
    get secretHelp() {
      return withParts(t('options_net_github_secretHelp'), { scope: code('user:follow') });
    },
    get secretMissing() {
      return t('options_net_github_secretMissing');
    },
    get secretMissingNew() {
      return t('options_net_github_secretMissingNew');
    },
    get replaceLabel() {
      return t('options_net_github_replace');
    },
    get removeLabel() {
      return t('options_net_github_remove');
    },
    get secretDeleted() {
      return t('options_net_github_secretDeleted');
    },
    disconnectSecret: async () => t('options_net_github_disconnected'),
    get readOnly() {
      return t('options_net_github_readOnly');
    },
    get limit() {
      return t('options_net_github_limit');
    },
  },
  {
    site: 'mastodon',
    name: 'Mastodon',
    get idLabel() {
      return t('options_net_mastodon_idLabel');
    },
    get idMissing() {
      return t('options_net_mastodon_idMissing');
    },
    placeholder: 'mastodon.social',
    parse: instanceHost,
    get invalid() {
      return t('options_net_mastodon_invalid');
    },
    get idHelp() {
      return t('options_net_mastodon_idHelp');
    },
    get secretLabel() {
      return t('options_net_mastodon_secretLabel');
    },
    secretRequired: true,
    get secretHelp() {
      return withParts(t('options_net_mastodon_secretHelp'), {
        accounts: code('read:accounts'),
        follows: code('read:follows'),
        search: code('read:search'),
        write: code('write:follows'),
      });
    },
    get secretMissing() {
      return t('options_net_mastodon_secretMissing');
    },
    get secretMissingNew() {
      return t('options_net_mastodon_secretMissingNew');
    },
    get replaceLabel() {
      return t('options_net_mastodon_replace');
    },
    get removeLabel() {
      return t('options_net_mastodon_remove');
    },
    get secretDeleted() {
      return t('options_net_mastodon_secretDeleted');
    },
    disconnectSecret: ({ id, secret }, fetch) => revokeMastodonToken(id, secret, fetch),
    get limit() {
      return t('options_net_mastodon_limit');
    },
  },
];
