import { siteContentScript } from '../utils/content/run';
import { bluesky } from '../utils/sites/bluesky';

export default siteContentScript(bluesky);
