import { defineConfig } from 'vitest/config';
import chromium from './vitest.e2e.config';

// Real headless firefox-esr with the built Firefox extension, over WebDriver BiDi; run after `npm run build`.
export default defineConfig({
  test: { ...chromium.test, include: ['e2e/firefox/**/*.e2e.test.ts'], exclude: ['node_modules/**'] },
});
