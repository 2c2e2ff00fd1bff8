import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto', './tests/helpers/i18n.ts'],
    include: ['{utils,components,entrypoints,tests}/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
