import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { sortDiagnostics, summarize } from '../diagnostics/resolve.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { appendAll } from '../util/array.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { discoverSystems } from '../load/discover.js';
import { validateFiles, type CheckedSystem, type ValidateResult } from './validate.js';

/**
 * Below this much YAML a worker thread costs more to start (~50–80 ms: a new V8 isolate that
 * loads the pipeline) than it saves; one city's system is far below it, a province's 100 are not.
 */
export const PARALLEL_MIN_BYTES = 4 << 20;

/** What a share of the systems reports: plain data, cheap to send between threads. */
interface ShareResult {
  systems: CheckedSystem[];
  diagnostics: Diagnostic[];
  summary: { files: number; suppressed: number };
  ioError: boolean;
}

export const WORKER = path.join(PACKAGE_ROOT, 'dist/pipeline/validate-worker.js');

/**
 * Threads to use: HRSS_STD_THREADS (1 = never parallel, the default). Opt-in, because on the
 * 2-core machines we measured (bench/RESULTS.md) threads made validate slower: one validate
 * already keeps the second core ~40 % busy with V8's garbage-collector and compiler threads, and
 * two heaps compete for it. Worth trying with 4 or more cores and hundreds of systems.
 */
export function threadCount(env = process.env): number {
  const set = Number(env.HRSS_STD_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, os.availableParallelism() * 2);
  return 1;
}

/** YAML bytes in a system's folder and its sub-folders (includes live there), for balancing shares. */
function systemBytes(systemFile: string): number {
  let total = 0;
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(dir, n);
      if (/\.ya?ml$/i.test(n)) total += statSync(p, { throwIfNoEntry: false })?.size ?? 0;
      else if (depth < 2 && !n.startsWith('.') && !n.includes('.')) {
        if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p, depth + 1);
      }
    }
  };
  walk(path.dirname(systemFile), 0);
  return total;
}

/** Contiguous shares of about equal size, so merged results keep the sequential order. */
export function splitShares(files: string[], sizes: number[], count: number): string[][] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const shares: string[][] = [];
  let current: string[] = [];
  let acc = 0;
  files.forEach((f, i) => {
    current.push(f);
    acc += sizes[i]!;
    if (shares.length < count - 1 && acc >= (total * (shares.length + 1)) / count) {
      shares.push(current);
      current = [];
    }
  });
  if (current.length) shares.push(current);
  return shares;
}

async function runWorker(files: string[], config: Config, cwd: string): Promise<ShareResult> {
  // loaded here: most runs are too small for threads and need not load the module
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: { files, config, cwd } });
    let done = false;
    w.once('message', (m: ShareResult) => {
      done = true;
      resolve(m);
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (!done) reject(new Error(`validate worker exited with code ${code}`));
    });
  });
}

/**
 * validate() with the systems split over worker threads when there is enough YAML to pay for
 * them; the result is the same, byte for byte, as the sequential run (systems in the same order,
 * diagnostics sorted the same way). Models are not kept (the `validate` command needs none).
 */
export async function validateParallel(
  args: string[],
  config: Config,
  cwd: string,
  opts: { threads?: number; minBytes?: number } = {},
): Promise<ValidateResult> {
  const { files, missing } = discoverSystems(args, cwd, config.systems, config.dir);
  const threads = Math.min(opts.threads ?? threadCount(), files.length);
  if (threads < 2 || !existsSync(WORKER)) return validateFiles(files, missing, config, cwd, { keepModels: false });
  const sizes = files.map(systemBytes);
  if (sizes.reduce((a, b) => a + b, 0) < (opts.minBytes ?? PARALLEL_MIN_BYTES)) return validateFiles(files, missing, config, cwd, { keepModels: false });

  const shares = splitShares(files, sizes, threads);
  // Workers take the later shares; this thread, whose modules are loaded already, the first.
  const pending = shares.slice(1).map((share) =>
    // a worker that fails (it should not) costs time, not results: its share runs here instead
    runWorker(share, config, cwd).catch((): ShareResult => validateFiles(share, [], config, cwd, { keepModels: false })));
  const first: ShareResult = validateFiles(shares[0]!, [], config, cwd, { keepModels: false });
  const results = [first, ...(await Promise.all(pending))];

  const systems: CheckedSystem[] = [];
  const diagnostics: Diagnostic[] = [];
  let fileCount = 0;
  let suppressed = 0;
  for (const r of results) {
    appendAll(systems, r.systems);
    appendAll(diagnostics, r.diagnostics);
    fileCount += r.summary.files;
    suppressed += r.summary.suppressed;
  }
  sortDiagnostics(diagnostics);
  return {
    systems,
    diagnostics,
    summary: summarize(diagnostics, fileCount, files.length, suppressed),
    ioError: missing.length > 0 || results.some((r) => r.ioError),
    missing,
  };
}
