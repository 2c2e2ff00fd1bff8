import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { tiktok, tiktokPage } from '../utils/sites/tiktok';

export default siteContentScript(tiktok, tiktokPage, createFlagHost);
