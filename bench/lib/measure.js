/**
 * Run a command as a child process several times and record wall time and peak RSS.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when present, else from a preload
 * (NODE_OPTIONS=--import) that reports process.resourceUsage().maxRSS on exit (node commands only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : undefined;
const PRELOAD = fileURLToPath(new URL('./maxrss-preload.js', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hrss-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

export const rssSource = GNU_TIME ? 'GNU time %M (peak resident set size of the process)' : 'process.resourceUsage().maxRSS via a --import preload';

/**
 * One run: { ms, rssMB, cpuMs, status }. cpuMs (user + system CPU time, GNU time only) is less
 * disturbed than wall time when other processes compete for the cores. `cmd` is [file, ...args]; stdout goes to /dev/null (or `stdout` file),
 * stderr is kept for error reports.
 */
export function runOnce(cmd, { cwd, env, stdout } = {}) {
  const rssFile = path.join(tmp, 'rss');
  rmSync(rssFile, { force: true });
  let file = cmd[0];
  let args = cmd.slice(1);
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  if (GNU_TIME) {
    args = ['-f', '%M %U %S', '-o', rssFile, file, ...args];
    file = GNU_TIME;
  } else {
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --import=${pathToFileURL(PRELOAD).href}`.trim();
    childEnv.HRSS_BENCH_RSS_FILE = rssFile;
  }
  const out = openSync(stdout ?? '/dev/null', 'w');
  const t0 = performance.now();
  const r = spawnSync(file, args, { cwd, env: childEnv, stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  closeSync(out);
  let rssMB = NaN;
  let cpuMs = NaN;
  try {
    const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMB = kb / 1024;
    if (user !== undefined) cpuMs = (user + sys) * 1000;
  } catch {
    /* no report (command failed to start) */
  }
  // GNU time reports "Command exited with non-zero status N" in its output file; spawnSync gives the real status
  return { ms, rssMB, cpuMs, status: r.status, stderr: r.stderr?.toString() ?? '' };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarize(runs) {
  const ms = runs.map((r) => r.ms);
  const rss = runs.map((r) => r.rssMB).filter((x) => !Number.isNaN(x));
  const cpu = runs.map((r) => r.cpuMs).filter((x) => !Number.isNaN(x));
  return {
    runs: runs.length,
    ms: { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) },
    cpuMs: cpu.length ? { median: median(cpu), min: Math.min(...cpu), max: Math.max(...cpu) } : undefined,
    rssMB: rss.length ? { median: median(rss), max: Math.max(...rss) } : undefined,
    status: [...new Set(runs.map((r) => r.status))],
  };
}

/**
 * Measure a group of commands side by side: one warm-up each (page cache, compile cache),
 * then `runs` rounds in rotation so drift hits every command alike.
 */
export function measureGroup(cases, runs, log = () => {}) {
  const results = new Map(cases.map((c) => [c.id, []]));
  for (const c of cases) {
    const w = runOnce(c.cmd, c);
    if (c.expectStatus && !c.expectStatus.includes(w.status)) {
      throw new Error(`${c.id}: exit ${w.status}, expected ${c.expectStatus.join('/')}\n${c.cmd.join(' ')}\n${w.stderr.slice(0, 2000)}`);
    }
  }
  for (let i = 0; i < runs; i++) {
    for (const c of cases) results.get(c.id).push(runOnce(c.cmd, c));
    log(`  round ${i + 1}/${runs}`);
  }
  return Object.fromEntries(cases.map((c) => [c.id, { label: c.label, ...summarize(results.get(c.id)) }]));
}
