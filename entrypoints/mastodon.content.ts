import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { mastodon, mastodonPage } from '../utils/sites/mastodon';

export default siteContentScript(mastodon, mastodonPage, createFlagHost);
