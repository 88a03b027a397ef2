import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Compile src/ to dist/ once, so end-to-end tests run the real `bin/hrss-std.js`. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // bin/hrss-std.js compares only dist/cli/index.js with the bundle's stamp: a bundle from before this
  // tsc run could be stale in other modules, so the tests run what tsc just built.
  rmSync(new URL('../dist/bundle/cli.stamp', import.meta.url), { force: true });
}
