#!/usr/bin/env node
/**
 * Experiment (not the CLI): `hrss-std validate` with the systems split over worker threads.
 * Systems are independent (every rule looks at one system; catalogs are read-only), so each
 * thread runs the unchanged pipeline on a contiguous share of the systems and sends back only
 * resolved diagnostics; the main thread takes a share too, then merges, sorts and formats.
 * Output is byte-identical to the sequential run (checked by bench/experiments.js).
 *
 *   node bench/experiments/parallel-validate.js <built-package-dir> [-f stylish|json] [--threads N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const START = Number(process.env.HRSS_BENCH_START ?? performance.timeOrigin);
const dist = (pkgDir, m) => import(pathToFileURL(path.join(pkgDir, 'dist', m)).href);

/** What a share of the systems reports: plain data, cheap to send between threads. */
async function runShare(pkgDir, files, config, cwd) {
  const t0 = performance.now();
  const { validate } = await dist(pkgDir, 'pipeline/validate.js');
  const t1 = performance.now();
  const r = validate(files, config, cwd);
  if (process.env.HRSS_BENCH_TRACE) process.stderr.write(`${isMainThread ? 'main' : 'worker'}: import ${(t1 - t0).toFixed(0)} ms, validate ${files.length} systems ${(performance.now() - t1).toFixed(0)} ms, at ${performance.timeOrigin + performance.now() - START} ms\n`);
  return {
    diagnostics: r.diagnostics,
    summary: r.summary,
    ioError: r.ioError,
    files: r.systems.flatMap((s) => s.system?.files.map((f) => f.display) ?? [s.file.replace(/\\/g, '/')]),
  };
}

if (!isMainThread) {
  const { pkgDir, files, config, cwd } = workerData;
  parentPort.postMessage(await runShare(pkgDir, files, config, cwd));
} else {
  const args = process.argv.slice(2);
  const pkgDir = path.resolve(args[0]);
  const format = args.includes('-f') ? args[args.indexOf('-f') + 1] : 'stylish';
  const cwd = process.cwd();
  const { loadConfig } = await dist(pkgDir, 'config/config.js');
  const { discoverSystems } = await dist(pkgDir, 'pipeline/discover.js');
  const config = loadConfig(cwd);
  const { files } = discoverSystems([], cwd, config.systems, config.dir);
  const threads = Math.max(1, Math.min(Number(args.includes('--threads') ? args[args.indexOf('--threads') + 1] : os.availableParallelism()), files.length));

  // contiguous shares of about equal YAML size (a system's folder size)
  const size = files.map((f) => {
    const dir = path.dirname(f);
    let s = 0;
    for (const e of readdirSync(dir)) if (e.endsWith('.yaml')) s += statSync(path.join(dir, e)).size;
    return s;
  });
  const total = size.reduce((a, b) => a + b, 0);
  const shares = [];
  let cur = [];
  let acc = 0;
  files.forEach((f, i) => {
    cur.push(f);
    acc += size[i];
    if (acc >= (total * (shares.length + 1)) / threads && shares.length < threads - 1) {
      shares.push(cur);
      cur = [];
    }
  });
  shares.push(cur);

  // workers take the later shares; this thread the first (it has its modules loaded already)
  const pending = shares.slice(1).map((share) => new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { pkgDir, files: share, config, cwd }, env: { ...process.env, HRSS_BENCH_START: String(START) } });
    w.once('message', resolve);
    w.once('error', reject);
  }));
  const results = [await runShare(pkgDir, shares[0], config, cwd), ...(await Promise.all(pending))];

  const { sortDiagnostics, summarize } = await dist(pkgDir, 'diagnostics/resolve.js');
  const { formatterFor } = await dist(pkgDir, 'report/index.js');
  const { detectLang } = await dist(pkgDir, 'i18n/index.js');
  const diagnostics = sortDiagnostics(results.flatMap((r) => r.diagnostics));
  const sum = (k) => results.reduce((s, r) => s + r.summary[k], 0);
  const summary = summarize(diagnostics, sum('files'), sum('systems'), sum('suppressed'));
  const text = formatterFor(format).format({
    diagnostics,
    summary,
    lang: detectLang(config.lang),
    color: false,
    toolVersion: JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version,
    maxWarnings: undefined,
    files: results.flatMap((r) => r.files),
  });
  process.stdout.write(text);
  process.exitCode = results.some((r) => r.ioError) ? 2 : summary.errors > 0 ? 1 : 0;
}
