import { defineConfig } from 'vitest/config';

// Real headless Chromium with the built extension; run after `npm run build`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
