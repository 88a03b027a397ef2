#!/usr/bin/env node
// Build step (after tsc and build-data, part of `npm run build`): bundles the tsc output dist/cli/index.js
// and everything it imports into one file, dist/bundle/cli.bundle.cjs, plus a V8 code cache of it,
// dist/bundle/cli.bundle.cache, and dist/bundle/cli.stamp (the SHA-256 of the dist/cli/index.js they were
// built from), which bin/hrss-std.js loads when that stamp matches dist/cli/index.js.
//
// Why (measured on Node 20, see the commit message): start-up of `hrss-std validate` was dominated
// by loading ~100 ES modules one by one (~40 ms of resolving, reading and compiling) and by
// compiling functions on first call. One CommonJS file removes the module loading; Node 20 has
// no compile cache (module.enableCompileCache is Node ≥ 22.1), so the bundle is run through
// vm.Script with V8's cachedData, made here by running the bundle once on the sample system.
//
// - commander, chalk, js-yaml, tinyglobby and get-east-asian-width (ESM only: a require() of it
//   started Node's ES module loader, ~10 ms of CPU on every validate) are bundled; every other dependency (exceljs, docx, ajv, fflate,
//   yaml) stays external and is still required only inside the commands that need it.
// - dist/ stays the tsc build (tests import it, and bin falls back to it): a later `tsc` run makes
//   dist/cli/index.js differ from the stamp and bin ignores the bundle until this runs again. Only
//   dist/cli/index.js is compared (reading all of dist/ costs more than the bundle saves): a tsc run
//   that changes other modules only is not noticed, so tests/global-setup.ts removes the bundle
//   after its tsc run, and a manual tsc wants `npm run build` or HRSS_STD_BUNDLE=0.
//   (`tsc --watch` rewrites only changed files: run the CLI with HRSS_STD_BUNDLE=0 meanwhile.)
//
// usage: node scripts/bundle.js [package root, default: this repository]
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Packages compiled into the bundle; every other dependency is left to require() at run time. */
export const BUNDLED = ['commander', 'chalk', 'js-yaml', 'tinyglobby', 'get-east-asian-width'];

/** First line of the bundle: this prefix, then the SHA-256 (hex) of everything after the line. */
export const HEADER = '// hrss-std bundle ';

/** The sample the code cache is made from (in the package: `files` lists systems/). */
const TRAINING = ['validate', 'systems/zhanjiang'];

/**
 * commander requires node:child_process at load time (~2.5 ms: it pulls in net, dgram, …) but
 * uses it only to spawn executable subcommands, which hrss-std has none of: give it a stand-in
 * that requires the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'hrss-shim' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'hrss-shim' }, () => ({
      contents: "let m; const real = () => (m ??= require('node:child_process'));\n" +
        'module.exports = new Proxy({}, { get: (_, k) => real()[k], has: (_, k) => k in real() });\n',
      loader: 'js',
    }));
  },
};

/**
 * src/schema/validate.ts requires the precompiled validators (dist/schema/compiled/validators.cjs,
 * 180 KiB) through createRequire on first use; as a plain require() esbuild bundles them, still
 * loaded on first use, and their code lands in the code cache. When that line changes, the
 * validators are copied beside the bundle instead and required at run time as before.
 */
const VALIDATORS_REQUIRE = "createRequire(import.meta.url)('./compiled/validators.cjs')";
const bundledValidators = {
  name: 'bundled-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]schema[\\/]validate\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(VALIDATORS_REQUIRE)) return undefined;
      return { contents: text.replace(VALIDATORS_REQUIRE, "require('./compiled/validators.cjs')"), loader: 'js' };
    });
  },
};

/** What bin/hrss-std.js computes from dist/cli/index.js to decide whether the bundle was built from it. */
export function cliStamp(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function bundle(root = REPO) {
  const dist = path.join(root, 'dist');
  const outDir = path.join(dist, 'bundle');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {})
    .filter((d) => !BUNDLED.includes(d))
    .flatMap((d) => [d, `${d}/*`]);
  const result = await esbuild.build({
    entryPoints: [path.join(dist, 'cli', 'index.js')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    // import() of an external becomes require() (Node 20 cannot import() from a vm.Script
    // without an experimental callback); the externals are all loadable with require().
    supported: { 'dynamic-import': false },
    // src/util/paths.ts and src/schema/validate.ts locate files from import.meta.url:
    // the bundle sits two levels below the package root too, like every dist/<dir>/<file>.js.
    define: { 'import.meta.url': '__hrssImportMetaUrl' },
    banner: { js: "const __hrssImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    // non-ASCII characters as \u escapes (see below) and no comments: bin reads the file as latin1
    // (no UTF-8 decoding, a one-byte string). Names are kept (no minifyIdentifiers).
    charset: 'ascii',
    minifyWhitespace: true,
    write: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [lazyChildProcess, bundledValidators],
  });
  // charset 'ascii' escapes strings and templates but leaves regular expression literals alone;
  // in those (and in identifiers) \uXXXX means the same character, also for surrogate pairs.
  const body = result.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (/String\.raw/.test(body)) throw new Error('bundle: String.raw in the output: escaping non-ASCII characters could change it');
  const dynamic = Object.values(result.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.kind === 'dynamic-import');
  if (dynamic.length) throw new Error(`bundle: import() left in the output (${dynamic.map((i) => i.path).join(', ')}); vm.Script cannot run it on Node 20`);
  // Wrapped like Node wraps a CommonJS module: bin/hrss-std.js compiles it with vm.Script and calls it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${body}\n})`;
  const id = createHash('sha256').update(wrapped).digest('hex');
  const text = `${HEADER}${id} (built by scripts/bundle.js from dist/, loaded by bin/hrss-std.js)\n${wrapped}`;

  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'cli.bundle.cjs');
  const cacheFile = path.join(outDir, 'cli.bundle.cache');
  // Not bundled (see bundledValidators): copied to where the bundle's createRequire looks for them.
  const validators = path.join(dist, 'schema/compiled/validators.cjs');
  const inBundle = Object.keys(result.metafile.inputs).some((f) => f.endsWith('schema/compiled/validators.cjs'));
  rmSync(path.join(outDir, 'compiled'), { recursive: true, force: true });
  if (!inBundle && existsSync(validators)) {
    mkdirSync(path.join(outDir, 'compiled'), { recursive: true });
    copyFileSync(validators, path.join(outDir, 'compiled/validators.cjs'));
  }
  rmSync(cacheFile, { force: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);

  // The content stamp bin/hrss-std.js compares before it uses the bundle: the SHA-256 of the
  // dist/cli/index.js it was built from. (Not file times: npm does not preserve them, so an installed
  // copy could never tell which is newer.)
  writeFileSync(path.join(outDir, 'cli.stamp'), cliStamp(readFileSync(path.join(dist, 'cli', 'index.js'))));

  const cache = await makeCodeCache(root, file, text);
  if (cache) {
    writeFileSync(`${cacheFile}.tmp`, Buffer.concat([Buffer.from(id, 'latin1'), cache]));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  }
  return { file, cacheFile: cache ? cacheFile : undefined, bytes: text.length, cacheBytes: cache?.length ?? 0 };
}

/**
 * Run the bundle once on the sample, in this process, exactly as bin/hrss-std.js loads it, then
 * ask V8 for the code of every function that run compiled. Output is discarded.
 */
async function makeCodeCache(root, file, text) {
  // the package's own sample, else this repository's (a private build without systems/)
  const sample = [root, REPO].map((r) => path.join(r, TRAINING[1])).find((p) => existsSync(p));
  if (!sample) return undefined;
  const script = new vm.Script(text, { filename: file });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  const cwd = process.cwd();
  const write = process.stdout.write;
  const exitCode = process.exitCode;
  process.chdir(root);
  process.stdout.write = () => true;
  try {
    await mod.exports.main([process.execPath, path.join(root, 'bin/hrss-std.js'), TRAINING[0], sample]);
  } finally {
    process.stdout.write = write;
    process.chdir(cwd);
    process.exitCode = exitCode;
  }
  return script.createCachedData();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : REPO;
  const r = await bundle(root);
  process.stdout.write(`bundle: ${path.relative(root, r.file)} (${Math.round(r.bytes / 1024)} KiB)` +
    (r.cacheFile ? `, code cache ${path.relative(root, r.cacheFile)} (${Math.round(r.cacheBytes / 1024)} KiB)\n` : ', no code cache (no sample system)\n'));
}
