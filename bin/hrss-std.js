#!/usr/bin/env node
// Entry point: runs the CLI built by `npm run build` (also run on `npm ci` via prepare).
// Start-up time matters (CI runs `hrss-std validate` on every push), hence the two fast paths:
// - a lone --version prints the version from package.json without loading the CLI;
// - the CLI runs from dist/bundle/ (scripts/bundle.js: one file plus a V8 code cache) when that
//   is at least as new as the tsc build in dist/; otherwise, or with HRSS_STD_BUNDLE=0, from dist/cli/index.js.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '-V' || args[0] === '--version')) {
  // what commander prints for --version
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const main = bundledMain();
  (main ? Promise.resolve(main) : import('../dist/cli/index.js').then((m) => m.main))
    .then((run) => run(process.argv))
    .then((code) => {
      process.exitCode = code;
    });
}

/** main() of dist/bundle/cli.bundle.cjs, compiled with its code cache when that matches; undefined to use dist/cli/index.js. */
function bundledMain() {
  if (process.env.HRSS_STD_BUNDLE === '0') return undefined;
  const url = new URL('../dist/bundle/cli.bundle.cjs', import.meta.url);
  const built = statSync(url, { throwIfNoEntry: false });
  if (!built) return undefined;
  // tsc ran since the bundle was made: the bundle may be stale, use what tsc built
  const tsc = statSync(new URL('../dist/cli/index.js', import.meta.url), { throwIfNoEntry: false });
  if (tsc && tsc.mtimeMs > built.mtimeMs) return undefined;
  const text = readFileSync(url, 'latin1'); // the bundle is ASCII
  const header = '// hrss-std bundle ';
  let cachedData;
  if (text.startsWith(header)) {
    try {
      const cache = readFileSync(new URL('../dist/bundle/cli.bundle.cache', import.meta.url));
      // the cache starts with the id (hash) of the bundle it was made from
      if (cache.toString('latin1', 0, 64) === text.slice(header.length, header.length + 64)) cachedData = cache.subarray(64);
    } catch {
      /* no cache: compile as usual */
    }
  }
  // evaluated like Node evaluates a CommonJS module (the bundle is its wrapper function)
  const file = fileURLToPath(url);
  const script = new vm.Script(text, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, fileURLToPath(new URL('.', url)));
  return module.exports.main;
}
