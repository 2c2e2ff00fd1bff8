import { siteContentScript } from '../utils/content/run';
import { threads } from '../utils/sites/threads';

export default siteContentScript(threads);
