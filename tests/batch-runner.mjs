// Runs many CLI invocations in one process (tests/helpers.ts runCliMany): each case's argv through
// main(), in its working folder, with its environment, stdout and stderr captured. A process per
// case costs ~0.1 s of CPU to start; the bad-input corpus alone was 50 of them.
// usage: node tests/batch-runner.mjs <bundled|plain> <package root> <cases.json> <results.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const [variant, pkg, casesFile, outFile] = process.argv.slice(2);

/** The bundle is a CommonJS wrapper function, evaluated as bin/hrss-std.js evaluates it. */
function bundledMain() {
  const file = `${pkg}/dist/bundle/cli.bundle.cjs`;
  const module = { exports: {} };
  new vm.Script(readFileSync(file, 'utf8'), { filename: file }).runInThisContext()(module.exports, createRequire(file), module, file, `${pkg}/dist/bundle`);
  return module.exports.main;
}

const main = variant === 'bundled' ? bundledMain() : (await import(pathToFileURL(`${pkg}/dist/cli/index.js`).href)).main;
const baseEnv = { ...process.env };
const write = { stdout: process.stdout.write, stderr: process.stderr.write };
const out = [];
for (const c of JSON.parse(readFileSync(casesFile, 'utf8'))) {
  const got = { code: null, stdout: '', stderr: '' };
  for (const k of Object.keys(process.env)) if (!(k in baseEnv)) delete process.env[k];
  Object.assign(process.env, baseEnv);
  for (const [k, v] of Object.entries(c.env ?? {})) {
    if (v === null) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = (s) => ((got.stdout += s), true);
  process.stderr.write = (s) => ((got.stderr += s), true);
  process.chdir(c.cwd);
  process.exitCode = undefined;
  try {
    got.code = await main(['node', `${pkg}/bin/hrss-std.js`, ...c.args]);
  } catch (e) {
    got.stderr += `threw: ${e?.stack ?? e}`;
  }
  process.stdout.write = write.stdout;
  process.stderr.write = write.stderr;
  out.push(got);
}
process.exitCode = 0;
writeFileSync(outFile, JSON.stringify(out));
