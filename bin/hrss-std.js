#!/usr/bin/env node
// Entry point: runs the CLI built by `npm run build` (also run on `npm ci` via prepare).
// Start-up time matters (CI runs `hrss-std validate` on every push), hence the two fast paths:
// - a lone --version prints the version from package.json without loading the CLI;
// - the CLI runs from dist/bundle/ (scripts/bundle.js: one file plus a V8 code cache) when that
//   was built from the dist/cli/index.js that is there (a content stamp, dist/bundle/cli.stamp: npm does not
//   preserve file times); otherwise, or with HRSS_STD_BUNDLE=0, from dist/cli/index.js.
// An unbuilt checkout (no dist/) gets a note on how to build instead of ERR_MODULE_NOT_FOUND.
import { createHash } from 'node:crypto';
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
  const cli = new URL('../dist/cli/index.js', import.meta.url);
  if (!main && !statSync(cli, { throwIfNoEntry: false })) {
    process.stderr.write(
      'hrss-std: 尚未构建（缺少 dist/cli/index.js）。请在 hrss-std 源码目录运行 `npm install && npm run build`。\n' +
      'hrss-std: not built (dist/cli/index.js is missing). Run `npm install && npm run build` in the hrss-std checkout.\n',
    );
    process.exitCode = 3;
  } else {
    (main ? Promise.resolve(main) : import(cli.href).then((m) => m.main))
      .then((run) => run(process.argv))
      .then((code) => {
        process.exitCode = code;
      });
  }
}

/** main() of dist/bundle/cli.bundle.cjs, compiled with its code cache when that matches; undefined to use dist/cli/index.js. */
function bundledMain() {
  if (process.env.HRSS_STD_BUNDLE === '0') return undefined;
  const url = new URL('../dist/bundle/cli.bundle.cjs', import.meta.url);
  const built = statSync(url, { throwIfNoEntry: false });
  if (!built) return undefined;
  // the bundle is used only with the dist/cli/index.js it was built from (tsc may have rebuilt dist/ since)
  let stamp, cli;
  try {
    stamp = readFileSync(new URL('../dist/bundle/cli.stamp', import.meta.url), 'latin1').trim();
    cli = readFileSync(new URL('../dist/cli/index.js', import.meta.url));
  } catch {
    return undefined;
  }
  if (createHash('sha256').update(cli).digest('hex') !== stamp) return undefined;
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
