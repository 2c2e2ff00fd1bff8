import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootSite, windowBootPage } from '../utils/content/boot';
import { linkedin } from '../utils/sites/linkedin';

export default defineUnlistedScript(() => bootSite(linkedin, windowBootPage()));
