import { createFlagHost } from '../components/flag-host';
import { siteContentScript } from '../utils/content/site-script';
import { github, githubPage } from '../utils/sites/github';

export default siteContentScript(github, githubPage, createFlagHost);
