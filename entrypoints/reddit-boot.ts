import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { reddit } from '../utils/sites/reddit';

export default defineUnlistedScript(() => bootSite(reddit, windowBootPage()));
