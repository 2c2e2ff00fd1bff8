import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { facebook, facebookPage } from '../utils/sites/facebook';

export default siteContentScript(facebook, facebookPage, createFlagHost);
