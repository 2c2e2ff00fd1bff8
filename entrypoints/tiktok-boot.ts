import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { tiktok } from '../utils/sites/tiktok';

export default defineUnlistedScript(() => bootSite(tiktok, windowBootPage()));
