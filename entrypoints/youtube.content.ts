import { siteContentScript } from '../utils/content/run';
import { youtube } from '../utils/sites/youtube';

export default siteContentScript(youtube);
