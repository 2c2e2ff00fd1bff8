import { siteContentScript } from '../utils/content/run';
import { facebook } from '../utils/sites/facebook';

export default siteContentScript(facebook);
