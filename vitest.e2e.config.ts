import { defineConfig } from 'vitest/config';

// Real headless Chromium with the built extension; run after `npm run build`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // Firefox has its own run (vitest.firefox.config.ts).
    exclude: ['e2e/firefox/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A loaded machine (CI shares 2 cores) can take seconds where a quiet one takes milliseconds.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
