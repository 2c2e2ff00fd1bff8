import { siteContentScript } from '../utils/content/run';
import { reddit } from '../utils/sites/reddit';

export default siteContentScript(reddit);
