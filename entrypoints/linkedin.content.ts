import { siteContentScript } from '../utils/content/run';
import { linkedin } from '../utils/sites/linkedin';

export default siteContentScript(linkedin);
