import { siteContentScript } from '../utils/content/run';
import { tiktok } from '../utils/sites/tiktok';

export default siteContentScript(tiktok);
