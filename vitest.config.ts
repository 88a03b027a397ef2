import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLI tests run the built bin; build once before any test file runs.
    globalSetup: ['tests/global-setup.ts'],
  },
});
