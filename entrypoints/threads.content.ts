import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { threads } from '../utils/sites/threads';

export default siteContentScript(threads, createFlagHost);
