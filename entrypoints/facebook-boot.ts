import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { facebook } from '../utils/sites/facebook';

export default defineUnlistedScript(() => bootSite(facebook, windowBootPage()));
