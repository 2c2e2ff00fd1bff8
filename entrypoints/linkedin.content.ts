import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { linkedin, linkedinPage } from '../utils/sites/linkedin';

export default siteContentScript(linkedin, linkedinPage, createFlagHost);
