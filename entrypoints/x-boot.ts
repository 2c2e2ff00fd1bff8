import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { x } from '../utils/sites/x';

export default defineUnlistedScript(() => bootSite(x, windowBootPage()));
