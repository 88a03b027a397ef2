#!/usr/bin/env node
/**
 * Measured proposals: build variants of src/ with one change each (files other helpers own, so
 * they are proposed rather than edited) and time `validate` on the 100k repository against the
 * unchanged build, in the same run. Each patch is an exact find/replace on the current source;
 * a patch that no longer applies is reported and skipped.
 *
 *   node bench/experiments.js [--command validate|export] [--repo repo-100k|one-10k] [--runs 3] [variant ...]
 *
 * Variants: slim-results, lean-listener, utf8-fast, priority-map, fast-dates, all (every patch).
 * Results go to stdout and bench/.work/experiments.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/build.js';
import { measureGroup } from './lib/measure.js';
import { PATCHES } from './experiments/patches.js';

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const command = opt('--command', 'validate');
const repoName = opt('--repo', 'repo-100k');
const runs = Number(opt('--runs', 3));
const names = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const forCommand = Object.keys(PATCHES).filter((p) => (PATCHES[p].command ?? 'validate') === command);
const wanted = names.length ? names : [...forCommand, 'all'];
const WORK = path.join(ROOT, 'bench/.work');
const repo = path.join(WORK, repoName);
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(path.join(repo, 'manifest.json'))) {
  log(`no ${path.relative(ROOT, repo)}: run npm run bench (or node bench/generate.js) first`);
  process.exit(2);
}

/** Copy src/, apply patches, compile to <variant>/dist beside copies of schemas/ and data/. */
function buildVariant(name, patchNames) {
  const dir = path.join(WORK, 'variants', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  const applied = [];
  for (const p of patchNames) {
    const patch = PATCHES[p];
    // all edits of a patch or none
    const texts = new Map();
    let ok = true;
    for (const { file, find, replace } of patch.edits) {
      const f = path.join(dir, 'src', file);
      const text = texts.get(f) ?? readFileSync(f, 'utf8');
      if (!text.includes(find)) {
        log(`  ${p}: patch no longer applies to src/${file} (${JSON.stringify(find.slice(0, 60))}…) — skipped`);
        ok = false;
        break;
      }
      texts.set(f, text.replace(find, replace));
    }
    if (!ok) continue;
    for (const [f, text] of texts) writeFileSync(f, text);
    applied.push(p);
  }
  for (const d of ['schemas', 'data', 'templates', 'package.json', 'bin']) {
    if (existsSync(path.join(ROOT, d))) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  }
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    extends: path.join(ROOT, 'tsconfig.json'),
    compilerOptions: { rootDir: 'src', outDir: 'dist', typeRoots: [path.join(ROOT, 'node_modules/@types')] },
    include: ['src/**/*.ts', 'src/**/*.cts'],
  }));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: 'pipe' });
  } catch (e) {
    const out = String(e.stdout);
    // type errors in other people's unfinished files are tolerated; errors in patched files are not
    const patchedFiles = patchNames.flatMap((p) => PATCHES[p].edits.map((x) => x.file));
    if (patchedFiles.some((f) => out.includes(`src/${f}`)) || !existsSync(path.join(dir, 'dist/cli/index.js'))) throw new Error(`${name}: tsc failed\n${out.slice(0, 3000)}`);
  }
  return { bin: path.join(dir, 'bin/hrss-std.js'), dir, applied };
}

const variants = [];
log(`building base`);
variants.push({ name: 'base', ...buildVariant('base', []) });
for (const w of wanted) {
  const patchNames = w === 'all' ? forCommand : [w];
  if (!patchNames.every((p) => PATCHES[p])) throw new Error(`unknown variant ${w}`);
  log(`building ${w}`);
  variants.push({ name: w, ...buildVariant(w, patchNames) });
}

// Same findings, same bytes: a performance change must not change the output.
const outFile = (v) => path.join(WORK, `exp-${v}.xlsx`);
const argsFor = (v) => (command === 'export' ? ['export', '--xlsx', outFile(v), '--force'] : ['validate']);
const output = (v) => {
  const r = spawnSync(process.execPath, [v.bin, ...(command === 'export' ? argsFor(v.name) : ['validate', '-f', 'json'])], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  return command === 'export' ? readFileSync(outFile(v.name)).toString('base64') : r.stdout;
};
const reference = output(variants[0]);
const cases = [];
for (const v of variants) {
  v.sameOutput = output(v) === reference;
  cases.push({ id: v.name, label: `${command} (${v.name}${v.applied.length ? `: ${v.applied.join(' + ')}` : ''})`, cmd: [process.execPath, v.bin, ...argsFor(v.name)], cwd: repo, expectStatus: [0, 1] });
}
cases.push({ id: 'floor', label: 'parse floor', cmd: [process.execPath, path.join(ROOT, 'bench/parse-floor.js'), repo], cwd: repo, expectStatus: [0] });

const loadBefore = os.loadavg()[0].toFixed(2);
log(`measuring ${cases.length} commands × ${runs} runs on ${repoName}`);
const res = measureGroup(cases, runs, log);
const base = res.base;
const lines = [
  '| variant | same output | wall median | wall min–max | CPU median | peak RSS | wall vs base | CPU vs base | wall × floor |',
  '|---|---|---|---|---|---|---|---|---|',
];
const f0 = (x) => (x === undefined ? '—' : `${x.toFixed(0)} ms`);
for (const c of cases) {
  const r = res[c.id];
  const v = variants.find((x) => x.name === c.id);
  lines.push(`| ${r.label} | ${v ? (v.sameOutput ? 'yes' : '**NO**') : '—'} | ${f0(r.ms.median)} | ${f0(r.ms.min)}–${f0(r.ms.max)} | ${f0(r.cpuMs?.median)} | ${r.rssMB?.max.toFixed(0) ?? '—'} MB | ${(r.ms.median / base.ms.median).toFixed(2)}× | ${r.cpuMs && base.cpuMs ? (r.cpuMs.median / base.cpuMs.median).toFixed(2) + '×' : '—'} | ${(r.ms.median / res.floor.ms.median).toFixed(2)}× |`);
}
lines.push('', `load average (1 min) before/after: ${loadBefore} / ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`);
writeFileSync(path.join(WORK, `experiments-${command}.json`), JSON.stringify({ command, repo: repoName, runs, results: res, variants: variants.map(({ name, applied, sameOutput }) => ({ name, applied, sameOutput })) }, null, 2));
console.log(lines.join('\n'));
