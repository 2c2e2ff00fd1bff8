import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { bluesky } from '../utils/sites/bluesky';

export default defineUnlistedScript(() => bootSite(bluesky, windowBootPage()));
