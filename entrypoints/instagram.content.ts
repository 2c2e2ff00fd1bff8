import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { instagram, instagramPage } from '../utils/sites/instagram';

export default siteContentScript(instagram, instagramPage, createFlagHost);
