import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { threads, threadsPage } from '../utils/sites/threads';

export default siteContentScript(threads, threadsPage, createFlagHost);
