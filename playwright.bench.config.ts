import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

/**
 * The browser benchmark (`npm run bench:browser`): builds the app, serves it with vite
 * preview and measures the map in the same Debian Chromium the e2e tests use. A benchmark,
 * not a test: it reports figures and asserts none of them; `npm test` never runs it.
 */
const PORT = 4183;

export default defineConfig({
  testDir: './bench/browser',
  testMatch: /.*\.spec\.ts$/,
  timeout: 900_000,
  expect: { timeout: 300_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/bench-artifacts',
  use: { ...e2e.use, baseURL: `http://127.0.0.1:${PORT}` },
  projects: e2e.projects,
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
