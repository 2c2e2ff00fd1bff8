import { siteContentScript } from '../utils/content/site-script';
import { bluesky } from '../utils/sites/bluesky';

export default siteContentScript(bluesky);
