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
