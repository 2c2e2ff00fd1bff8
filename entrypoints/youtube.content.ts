import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { youtube, youtubePage } from '../utils/sites/youtube';

export default siteContentScript(youtube, youtubePage, createFlagHost);
