import { siteContentScript } from '../utils/content/run';
import { instagram } from '../utils/sites/instagram';

export default siteContentScript(instagram);
