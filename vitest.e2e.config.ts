import { defineConfig } from 'vitest/config';

/** End-to-end: the built app served by `tusoi serve` on a fresh demo database, driven by Chromium. */
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/server-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser per file; files run one after another so two Chromiums do not fight for 2 cores.
    fileParallelism: false,
  },
});
