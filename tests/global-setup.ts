import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Build once before any test file runs, as `npm run build` does (tsc, the data JSON, the bundle with
 * its code cache), so end-to-end tests run the real `bin/hrss-std.js` on the fast path users get.
 * The bundle is rebuilt from this tsc output, so it cannot be stale; tests/startup/bundle.test.ts
 * checks that it behaves exactly as dist/cli/index.js does. (Running the unbundled dist/ instead
 * cost about 50 ms more CPU per CLI process: ~25 s over the ~460 processes of npm test.)
 */
export default function setup(project: TestProject): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const node = (script: string, ...args: string[]) =>
    execFileSync(process.execPath, [fileURLToPath(new URL(`../${script}`, import.meta.url)), ...args], { cwd: root, stdio: 'inherit' });
  node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.json');
  node('scripts/build-data.js');
  node('scripts/bundle.js');
  // a folder for what test files share within this run (tests/export/sample-export.ts)
  const runDir = mkdtempSync(path.join(tmpdir(), 'hrss-std-run-'));
  project.provide('runDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
