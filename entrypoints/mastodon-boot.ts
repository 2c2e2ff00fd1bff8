import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { mastodon } from '../utils/sites/mastodon';

export default defineUnlistedScript(() => bootSite(mastodon, windowBootPage()));
