import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { reddit, redditPage } from '../utils/sites/reddit';

export default siteContentScript(reddit, redditPage, createFlagHost);
