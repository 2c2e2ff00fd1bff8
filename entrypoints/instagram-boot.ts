import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { instagram } from '../utils/sites/instagram';

export default defineUnlistedScript(() => bootSite(instagram, windowBootPage()));
