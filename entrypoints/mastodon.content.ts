import { siteContentScript } from '../utils/content/run';
import { mastodon } from '../utils/sites/mastodon';

export default siteContentScript(mastodon);
