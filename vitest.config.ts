import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Most test time is spent waiting for a child process (the CLI, npm, LibreOffice-free exports):
    // on two cores vitest's default (cores - 1 = one worker) leaves a core idle. Three workers keep
    // both busy: npm test 3 min 45 s → 2 min 35 s on this 2-core machine.
    maxWorkers: 3,
    // Test files share a worker's module cache instead of re-importing src/ for each of ~90 files
    // (about 25 s of CPU). Test files must therefore leave no process state behind: restore
    // process.env, never chdir, and vi.resetModules() after reloading modules (data-json.test.ts).
    isolate: false,
    hookTimeout: 120_000,
    // CLI tests run the built bin; build once before any test file runs.
    globalSetup: ['tests/global-setup.ts'],
  },
});
