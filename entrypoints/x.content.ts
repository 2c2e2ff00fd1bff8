import { siteContentScript } from '../utils/content/run';
import { x } from '../utils/sites/x';

export default siteContentScript(x);
