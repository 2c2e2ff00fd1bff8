import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { reddit } from '../utils/sites/reddit';

export default siteContentScript(reddit, createFlagHost);
