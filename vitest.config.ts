import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code, fixtures, no servers), `real` (real Redis and RabbitMQ on
 * 127.0.0.1, started by the global setup) and `browser` (the built deck in headless Chromium).
 */
export default defineConfig({
  test: {
    // Stopping RabbitMQ cleanly takes a few seconds.
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // One fixed, printed seed for every property test (tests/setup/fast-check.ts).
          setupFiles: ['tests/setup/fast-check.ts'],
          globalSetup: ['tests/setup/fast-check.global.ts'],
          // Property tests run hundreds of simulations; on two busy cores one took over vitest's
          // default 5 s once. Nothing here asserts a time, so the limit only catches hangs.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'real',
          include: ['tests/real/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/real-servers.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/deck-server.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
