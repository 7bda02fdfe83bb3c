import { defineConfig } from 'vitest/config';

/** Unit and integration tests (both dialects); the end-to-end suite has its own config. */
export default defineConfig({
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // A suite that seeds the whole demo (2022 and the present) on PostgreSQL takes tens of seconds.
    hookTimeout: 120_000,
  },
});
