#!/usr/bin/env node
/**
 * npm run bench — scale and speed of hrss-std against fixed baselines, in one run on the same files:
 *   cold start     `node -e 0`, `hrss-std --version`, `hrss-std validate` of the bundled sample
 *   per scale      validate and gaps of a generated repository (1k, 10k, 100k standards);
 *                  export --xlsx of a single-system repository (1k, 10k; 100k with --export-100k)
 *   baselines      ajv-cli validating the same YAML against the same schemas (schema only);
 *                  js-yaml load (CORE_SCHEMA) of the same files (the parse floor);
 *                  a bare exceljs write of the same cells the export writes
 * Every number is the wall time of a whole process (what CI pays), median of several runs after a
 * warm-up, with the spread (min–max) and peak RSS. Writes bench/RESULTS.md and bench/.work/results.json.
 *
 * Options: --quick (1k and 10k, 3 runs; for a quick look, not for RESULTS.md)
 *          --runs N (default 7; 100k uses --runs-100k, default 5)   --scales 1k,10k,100k
 *          --use-dist (measure ./bin + dist/ instead of a private build)   --no-write (print only)
 *          --export-scales one-1k,one-10k   --export-100k (adds a 100,000-row single system: slow)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackage, PKG, ROOT } from './lib/build.js';
import { machine } from './lib/machine.js';
import { measureGroup, rssSource } from './lib/measure.js';
import { GENERATOR_VERSION, generateRepo } from './generate.js';
import { writeResults } from './lib/results.js';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const quick = flag('--quick');
const RUNS = Number(opt('--runs', quick ? 3 : 7));
const RUNS_100K = Number(opt('--runs-100k', quick ? 3 : 5));
const RUNS_COLD = Number(opt('--runs-cold', quick ? 5 : 15));
const SCALES = opt('--scales', quick ? '1k,10k' : '1k,10k,100k').split(',');
const WORK = path.join(ROOT, 'bench/.work');
const NODE = process.execPath;
const log = (s) => process.stderr.write(`${s}\n`);

/**
 * Repository shapes: a city (a few hundred rows per system) up to a ministry holding a system per
 * city. Export writes one system's table, so it is measured on single-system repositories.
 */
const SHAPES = {
  '1k': { systems: 4, standards: 250, includes: 3 },
  '10k': { systems: 25, standards: 400, includes: 3 },
  '100k': { systems: 250, standards: 400, includes: 3 },
  'one-1k': { systems: 1, standards: 1000, includes: 3 },
  'one-10k': { systems: 1, standards: 10000, includes: 3 },
  'one-100k': { systems: 1, standards: 100000, includes: 7 }, // every part in its own file: under the 10 MB per-file limit
};
const EXPORT_SCALES = opt('--export-scales', quick ? 'one-1k' : flag('--export-100k') ? 'one-1k,one-10k,one-100k' : 'one-1k,one-10k').split(',').filter(Boolean);

function repoFor(scale) {
  const shape = SHAPES[scale];
  if (!shape) throw new Error(`unknown scale ${scale} (use ${Object.keys(SHAPES).join(', ')})`);
  const out = path.join(WORK, scale.startsWith('one-') ? scale : `repo-${scale}`);
  const want = { ...shape, seed: 1, faultRate: 0.02 };
  try {
    // generation is deterministic: reuse a repository made by the same generator with the same options
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    if (m.generator === GENERATOR_VERSION && Object.keys(want).every((k) => m.options[k] === want[k])) return { dir: out, manifest: m };
  } catch {
    /* not generated yet */
  }
  log(`generating ${scale} → ${path.relative(ROOT, out)}`);
  return { dir: out, manifest: generateRepo({ ...want, out }) };
}

/** Does the CLI under test have this command? (gaps and export are being written alongside.) */
function hasCommand(bin, name) {
  const r = spawnSync(NODE, [bin, name, '--help'], { encoding: 'utf8' });
  return r.status === 0;
}

/** export is refused on a system with errors (the planted faults): --force, as a user would. */
function exportArgs(bin) {
  const r = spawnSync(NODE, [bin, 'export', '--help'], { encoding: 'utf8' });
  if (r.status !== 0 || !/--xlsx/.test(r.stdout)) return undefined;
  return (out) => ['export', '--xlsx', out, '--force'];
}

const slim = (m) => ({ systems: m.systems, standards: m.standards, files: m.files, bytes: m.bytes, faults: m.faults });

const AJV = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const S = (n) => path.join(ROOT, 'schemas', `${n}.schema.json`);
/** ajv-cli can apply one schema per invocation: system files, then include files (what a CI script would run). */
function ajvCommand() {
  const common = '--spec=draft2020 --strict=false --all-errors -c ajv-formats';
  const q = (s) => `'${s}'`;
  return ['/bin/sh', '-c',
    `${q(NODE)} ${q(AJV)} validate -s ${q(S('system'))} -r ${q(S('include'))} -d 'systems/*/system.yaml' ${common} && ` +
    `${q(NODE)} ${q(AJV)} validate -s ${q(S('include'))} -r ${q(S('system'))} -d 'systems/*/part-*.yaml' ${common}`];
}

function precompiledInUse() {
  const r = spawnSync(NODE, ['--input-type=module', '-e',
    `import(${JSON.stringify(pathToFileURL(path.join(PKG, 'dist/schema/validate.js')).href)}).then((m) => console.log(m.usesPrecompiledSchemas ? m.usesPrecompiledSchemas() : 'n/a'))`], { encoding: 'utf8' });
  return r.stdout.trim();
}

/** Modules `hrss-std --version` loads (the eager import graph). */
function versionImports(bin) {
  const r = spawnSync(NODE, ['--import', pathToFileURL(path.join(ROOT, 'bench/lib/import-trace.js')).href, bin, '--version'], { encoding: 'utf8' });
  const mods = new Set();
  for (const line of r.stderr.split('\n')) {
    const m = /^\[(esm|cjs)\] (.+)$/.exec(line);
    if (!m || m[2].startsWith('node:')) continue;
    let u = m[2].replace(/^file:\/\//, '');
    const npm = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
    u = npm ? `npm:${npm[1]}` : path.relative(path.dirname(path.dirname(bin)), u);
    mods.add(u);
  }
  return [...mods].sort();
}

async function main() {
  const started = new Date();
  log(`bench: building ${flag('--use-dist') ? '(using dist/)' : 'a private copy in bench/.work/pkg'}`);
  const bin = buildPackage({ useDist: flag('--use-dist') });
  const gaps = hasCommand(bin, 'gaps');
  const exportCmd = exportArgs(bin);
  const results = {
    date: started.toISOString().slice(0, 10),
    machine: machine(),
    rssSource,
    runs: { default: RUNS, '100k': RUNS_100K, cold: RUNS_COLD },
    precompiledSchemas: precompiledInUse(),
    versionImports: versionImports(bin),
    commands: { gaps, export: !!exportCmd },
    load: { before: os.loadavg().map((x) => x.toFixed(2)) },
    cold: undefined,
    scales: {},
    exports: {},
  };

  log(`cold start (${RUNS_COLD} runs)`);
  results.cold = measureGroup([
    { id: 'node', label: 'node -e 0', cmd: [NODE, '-e', '0'], cwd: ROOT, expectStatus: [0] },
    { id: 'version', label: 'hrss-std --version', cmd: [NODE, bin, '--version'], cwd: ROOT, expectStatus: [0] },
    { id: 'sample', label: 'hrss-std validate systems/zhanjiang', cmd: [NODE, bin, 'validate', 'systems/zhanjiang'], cwd: ROOT, expectStatus: [0, 1] },
    // what the precompiled validators save: the same with ajv compiling the schemas at run time
    { id: 'sampleAjv', label: 'the same, schemas compiled by ajv at run time (HRSS_STD_SCHEMA_RUNTIME=1)', cmd: [NODE, bin, 'validate', 'systems/zhanjiang'], cwd: ROOT, env: { HRSS_STD_SCHEMA_RUNTIME: '1' }, expectStatus: [0, 1] },
  ], RUNS_COLD, log);

  for (const scale of SCALES) {
    const { dir, manifest } = repoFor(scale);
    const runs = scale === '100k' ? RUNS_100K : RUNS;
    log(`${scale}: ${manifest.standards} standards, ${manifest.systems} systems, ${manifest.files} files, ${(manifest.bytes / 2 ** 20).toFixed(1)} MiB (${runs} runs)`);
    const group = measureGroup([
      { id: 'validate', label: 'hrss-std validate', cmd: [NODE, bin, 'validate'], cwd: dir, expectStatus: [0, 1] },
      scale === '100k' && { id: 'validateAjv', label: 'hrss-std validate, schemas compiled by ajv at run time', cmd: [NODE, bin, 'validate'], cwd: dir, env: { HRSS_STD_SCHEMA_RUNTIME: '1' }, expectStatus: [0, 1] },
      gaps && { id: 'gaps', label: 'hrss-std gaps', cmd: [NODE, bin, 'gaps'], cwd: dir, expectStatus: [0, 1, 3] },
      { id: 'ajv', label: 'ajv-cli validate (schema only, 2 invocations)', cmd: ajvCommand(), cwd: dir, expectStatus: [0] },
      { id: 'floor', label: 'js-yaml load CORE_SCHEMA (parse floor)', cmd: [NODE, path.join(ROOT, 'bench/parse-floor.js'), dir], cwd: dir, expectStatus: [0] },
    ].filter(Boolean), runs, log);
    results.scales[scale] = { manifest: slim(manifest), ...group };
  }

  if (exportCmd) {
    for (const scale of EXPORT_SCALES) {
      const { dir, manifest } = repoFor(scale);
      const runs = scale === 'one-100k' ? Math.min(3, RUNS_100K) : RUNS;
      log(`export ${scale}: one system, ${manifest.standards} standards (${runs} runs)`);
      const xlsxOut = path.join(WORK, `export-${scale}.xlsx`);
      const group = measureGroup([
        { id: 'export', label: 'hrss-std export --xlsx --force', cmd: [NODE, bin, ...exportCmd(xlsxOut)], cwd: dir, expectStatus: [0] },
        { id: 'validate', label: 'hrss-std validate (the same system)', cmd: [NODE, bin, 'validate'], cwd: dir, expectStatus: [0, 1] },
      ], runs, log);
      // the same cells, written by exceljs with no styling: extracted once (untimed) from hrss-std's own output
      const cells = path.join(WORK, `cells-${scale}.json`);
      const ex = spawnSync(NODE, [path.join(ROOT, 'bench/exceljs-baseline.js'), '--extract', xlsxOut, cells], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (ex.status === 0) {
        Object.assign(group, measureGroup([
          { id: 'exceljs', label: 'bare exceljs write of the same cells', cmd: [NODE, path.join(ROOT, 'bench/exceljs-baseline.js'), cells, path.join(WORK, `bare-${scale}.xlsx`)], cwd: dir, expectStatus: [0] },
        ], runs, log));
        group.exceljs.cells = JSON.parse(ex.stdout || '{}');
      } else log(`exceljs extract failed: ${ex.stderr.slice(0, 500)}`);
      results.exports[scale] = { manifest: slim(manifest), ...group };
    }
  }

  results.load.after = os.loadavg().map((x) => x.toFixed(2));
  mkdirSync(WORK, { recursive: true });
  writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const md = writeResults(results, { write: !flag('--no-write') && !quick, file: path.join(ROOT, 'bench/RESULTS.md') });
  process.stdout.write(md);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
