#!/usr/bin/env node
/**
 * Where validate's time goes, per stage and per rule, in one process (CPU time, process.cpuUsage):
 *   node bench/experiments/phases.js <built-package-dir> <repo-dir>
 * Mirrors pipeline/validate.ts: loadSystem (read, parse, schema, model), catalog, each rule, then
 * sorting and the stylish report.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, repo] = process.argv.slice(2).map((p) => path.resolve(p));
const dist = (m) => import(pathToFileURL(path.join(pkg, 'dist', m)).href);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const t = new Map();
const add = (k, ms) => t.set(k, (t.get(k) ?? 0) + ms);
const time = (k, fn) => { const s = cpu(); const r = fn(); add(k, cpu() - s); return r; };

const s0 = cpu();
const { loadConfig } = await dist('config/config.js');
const { discoverSystems } = await dist('load/discover.js');
const { loadSystem } = await dist('system/load.js');
const { catalogFor } = await dist('pipeline/validate.js');
const { knownStandards } = await dist('data/known.js');
const { RULES } = await dist('rules/index.js');
const { toDiagnostic, sortDiagnostics, summarize } = await dist('diagnostics/resolve.js');
const { formatterFor } = await dist('report/index.js');
add('imports', cpu() - s0);

const config = loadConfig(repo);
const { files } = discoverSystems([], repo, config.systems, config.dir);
const diagnostics = [];
let nfiles = 0;
for (const f of files) {
  const loaded = time('load: read+parse+schema+model', () => loadSystem(f, { limits: config.limits, cwd: repo }));
  nfiles += loaded.files.length;
  const stage = loaded.findings;
  const c = time('catalog', () => catalogFor(loaded.system, config, repo, stage));
  const ctx = { system: loaded.system, catalog: c.catalog, known: time('known standards', () => knownStandards()), today: config.today, reviewYears: config.reviewYears };
  for (const s of stage) diagnostics.push(time('resolve locations', () => toDiagnostic(s.rule, 'error', s.finding)));
  for (const rule of RULES) {
    if (!rule.check) continue;
    const found = time(`rule ${rule.id}`, () => rule.check(ctx));
    for (const x of found) diagnostics.push(time('resolve locations', () => toDiagnostic(rule.id, rule.severity === 'off' ? 'info' : rule.severity, x)));
  }
}
time('sort', () => sortDiagnostics(diagnostics));
const text = time('stylish report', () => formatterFor('stylish').format({ diagnostics, summary: summarize(diagnostics, nfiles, files.length, 0), lang: 'zh', color: false, toolVersion: 'x', files: [] }));
const total = cpu() - s0;
console.log(`${files.length} systems, ${diagnostics.length} diagnostics, ${text.length} chars of report; CPU ${total.toFixed(0)} ms in process`);
for (const [k, ms] of [...t].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(0).padStart(7)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${k}`);
