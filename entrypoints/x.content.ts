import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { x } from '../utils/sites/x';

export default siteContentScript(x, createFlagHost);
