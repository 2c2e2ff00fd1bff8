import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { threads } from '../utils/sites/threads';

export default defineUnlistedScript(() => bootSite(threads, windowBootPage()));
