import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { youtube } from '../utils/sites/youtube';

export default defineUnlistedScript(() => bootSite(youtube, windowBootPage()));
