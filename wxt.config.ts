import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { API_HOST_PATTERNS } from './utils/api/networks';
import { LANGUAGES, messagesFor } from './utils/i18n/catalog';
import { readSources } from './utils/i18n/read-sources';
import { siteHostPatterns, sites } from './utils/sites/index';
import { hostPatterns } from './utils/sites/url';

// Firefox needs a stable id; it goes only into the Firefox manifest.
const GECKO_ID = 'teamfollow@teamfollow.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // scripting: to register the content script on Mastodon instances the user adds (runtime permission).
    // alarms: to wake the worker when a rate limit of a "Follow all" run has passed.
    // contextMenus: "Add to TeamFollow" on links to profiles.
    // identity: "Sign in with Mastodon" opens the instance's OAuth page in the browser's auth window
    // (launchWebAuthFlow) and catches its redirect to getRedirectURL(), so no token is pasted and no server is needed.
    // At load each site's pages get only its boot script (utils/content/boot.ts), which reads the address; on a profile
    // or a following list the background injects the page reader (content-scripts/<site>.js, registered 'runtime').
    content_scripts: sites.map((site) => ({
      matches: hostPatterns(site),
      js: [`${site.id}-boot.js`],
      run_at: 'document_end',
    })),
    permissions: ['storage', 'scripting', 'alarms', 'contextMenus', 'identity'],
    // What an organisation may pre-set (the roster's address, the roster itself): Chrome's storage.managed.
    storage: { managed_schema: 'managed-schema.json' },
    // The sites' pages, plus the public APIs that check and follow on Bluesky and GitHub (read their rate-limit headers).
    host_permissions: [...siteHostPatterns(), ...API_HOST_PATTERNS],
    // Any https host may be a Mastodon instance; each is requested from the user's click in the options.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*'] }
      : { optional_permissions: ['https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the ESR many companies deploy; data_collection_permissions arrived in 140 (desktop), 142 (Android).
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Content scripts call only runtime.sendMessage, runtime.id and i18n.getMessage, native promise APIs in MV3 Chrome
    // and in Firefox: without the polyfill each script is 2.8 KB gzip smaller and starts ~1.7 ms sooner (bench).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        for (const entry of alias) if (entry.find === 'wxt/browser') entry.replacement = '@wxt-dev/browser';
      } else if (alias && 'wxt/browser' in alias) {
        (alias as Record<string, string>)['wxt/browser'] = '@wxt-dev/browser';
      }
    },
    // The translations (`locales/<area>/<lang>.json`) become the browser's `_locales/<lang>/messages.json`.
    'build:publicAssets': (_wxt, files) => {
      const sources = readSources('locales');
      for (const lang of LANGUAGES) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(messagesFor(sources, lang)),
        });
      }
    },
  },
  // Tests and their data stay out of the Firefox source zip (they are never in a bundle: nothing imports them).
  zip: {
    excludeSources: [
      'e2e/**',
      'bench/**',
      'fixtures/**',
      'tests/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.cases.ts',
      'utils/api/recorded/**',
    ],
  },
});
