import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { x, xPage } from '../utils/sites/x';

export default siteContentScript(x, xPage, createFlagHost);
