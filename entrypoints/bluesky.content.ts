import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { bluesky, blueskyPage } from '../utils/sites/bluesky';

export default siteContentScript(bluesky, blueskyPage, createFlagHost);
