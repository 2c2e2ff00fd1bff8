import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { instagram } from '../utils/sites/instagram';

export default siteContentScript(instagram, createFlagHost);
