import { siteContentScript } from '../utils/content/run';
import { github } from '../utils/sites/github';

export default siteContentScript(github);
