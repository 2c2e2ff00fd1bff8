import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { github } from '../utils/sites/github';

export default defineUnlistedScript(() => bootSite(github, windowBootPage()));
