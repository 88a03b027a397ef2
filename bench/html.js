#!/usr/bin/env node
// npm run bench:html — the HTML site and the live preview at 10,000 standards (synthetic data from
// bench/generate.js), measured once and written into bench/RESULTS.md between the html markers:
//   - export --html of the whole system (cold CLI run), site size
//   - 明细表 page load in Debian's Chromium (file://, navigation start → load event)
//   - filter / search in that page (time of one filter pass, median of 5)
//   - serve: re-validation after one include file changes (warm process) vs a cold `validate` run
// Run `npx tsc -p tsconfig.json` first (it uses dist/).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { generateRepo } from './generate.js';
import { ROOT } from './lib/build.js';

const BIN = path.join(ROOT, 'bin/hrss-std.js');
const repo = path.join(ROOT, 'bench/.work/html10k');
const manifest = generateRepo({ systems: 1, standards: 10000, includes: 8, out: repo });
const sys = path.join(repo, manifest.systemFiles[0].replace(/\/system\.yaml$/, ''));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function cli(args) {
  const t0 = process.hrtime.bigint();
  try { execFileSync(process.execPath, [BIN, ...args], { cwd: repo, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } }); } catch { /* findings exit 1 */ }
  return ms(t0);
}

const validateCold = median([cli(['validate']), cli(['validate']), cli(['validate'])]);
const site = path.join(repo, 'site');
rmSync(site, { recursive: true, force: true });
const exportMs = cli(['export', '--html', 'site', '--force']);
let bytes = 0;
let files = 0;
const walk = (d) => { for (const f of readdirSync(d)) { const p = path.join(d, f); const st = statSync(p); if (st.isDirectory()) walk(p); else { bytes += st.size; files++; } } };
walk(site);
const tableBytes = statSync(path.join(site, 'table.html')).size;

// re-validation in the warm process, as `serve` does after a save
const { loadConfig } = await import(pathToFileURL(path.join(ROOT, 'dist/config/config.js')).href);
const { Preview } = await import(pathToFileURL(path.join(ROOT, 'dist/serve/state.js')).href);
const { TABLE_WINDOW } = await import(pathToFileURL(path.join(ROOT, 'dist/export/html/site.js')).href);
const preview = new Preview({ config: loadConfig(repo), cwd: repo, lang: 'zh', toolVersion: 'bench' });
preview.refresh();
preview.refresh();
const include = path.join(repo, manifest.includeFiles[0]);
const original = readFileSync(include, 'utf8');
const revalidate = [];
for (let i = 0; i < 5; i++) {
  writeFileSync(include, original.replace(/title: (.+)/, `title: $1 改${i}`));
  revalidate.push(preview.refresh().ms);
}
writeFileSync(include, original);

// the real browser
const profile = mkdtempSync(path.join(tmpdir(), 'hrss-std-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.HRSS_STD_CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
// the browser opens another page of the site first: a cold browser start is not the table page's cost
await page.goto(pathToFileURL(path.join(site, 'index.html')).href, { waitUntil: 'load' });
const loads = [];
for (let i = 0; i < 5; i++) {
  await page.goto(pathToFileURL(path.join(site, 'table.html')).href, { waitUntil: 'load' });
  loads.push(await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }));
}
const timeFilter = (setup) => page.evaluate((s) => {
  const el = document.getElementById(s.id);
  const times = [];
  for (let i = 0; i < 5; i++) {
    el.value = i % 2 ? s.value : s.value2 ?? '';
    const t0 = performance.now();
    window.hrssFilter();
    document.body.offsetHeight; // include layout of the shown rows
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2];
}, setup);
const searchMs = await timeFilter({ id: 'f-q', value: 'ＧＢ／Ｔ　９０' , value2: 'GB/T 9001' });
const statusMs = await timeFilter({ id: 'f-status', value: 'planned' });
// rows listed after the last filter (at most one window) and how many matched in all
const visible = await page.$$eval('#rows tr:not(.grp)', (r) => r.length);
const matched = Number(await page.textContent('#count'));
await context.close();
rmSync(profile, { recursive: true, force: true });

const r = {
  rows: manifest.standards, files, bytes, tableBytes, exportMs, validateCold,
  revalidate: median(revalidate), load: median(loads), window: TABLE_WINDOW, searchMs, statusMs, visible, matched,
};
console.log(JSON.stringify(r, null, 2));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const ok = (v, lim) => (v < lim ? 'pass' : '**MISS**');
const section = `<!-- html-bench:start -->
## HTML site and live preview (bench/html.js, \`npm run bench:html\`)

Synthetic system of ${r.rows} standards (bench/generate.js, one system, 8 include files), measured once on this shared 2-core machine.

| what | measured | target |
|---|---|---|
| \`export --html\` of the whole system (cold CLI run) | ${(r.exportMs / 1000).toFixed(2)} s, ${r.files} files, ${kb(r.bytes)} (table.html ${kb(r.tableBytes)}) | — |
| 明细表 page load in Chromium (file://, start → load event, median of 5 after the browser opened index.html; the page lists ${r.window} rows, all ${r.rows} are in table-data.js for the filters) | ${r.load.toFixed(0)} ms | < 1000 ms: ${ok(r.load, 1000)} |
| search over all rows (full-width query, one filter pass incl. rendering and layout of up to ${r.window} matches, median of 5; last pass: ${r.matched} matched, ${r.visible} listed) | ${r.searchMs.toFixed(1)} ms | < 100 ms: ${ok(r.searchMs, 100)} |
| status filter (one pass incl. layout, median of 5) | ${r.statusMs.toFixed(1)} ms | < 100 ms: ${ok(r.statusMs, 100)} |
| serve: re-validation after one include file changes (warm, median of 5) | ${r.revalidate.toFixed(0)} ms | well under a full run |
| full run: cold \`hrss-std validate\` (median of 3) | ${r.validateCold.toFixed(0)} ms | — |
<!-- html-bench:end -->`;
const resultsFile = path.join(ROOT, 'bench/RESULTS.md');
const old = readFileSync(resultsFile, 'utf8');
const next = /<!-- html-bench:start -->[\s\S]*<!-- html-bench:end -->/.test(old)
  ? old.replace(/<!-- html-bench:start -->[\s\S]*<!-- html-bench:end -->/, section)
  : `${old.trimEnd()}\n\n${section}\n`;
writeFileSync(resultsFile, next);
