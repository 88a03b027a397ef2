import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvinceSite, buildSite, itemPath, searchKey, standardPath, TABLE_WINDOW } from '../../src/export/html/index.js';
import { writeSite } from '../../src/cli/write-files.js';
import { matrixGroups } from '../../src/gaps/matrix.js';
import { BIN } from '../helpers.js';
import { loadSample, SAMPLE } from '../export/helpers.js';
import { launchChromium } from './chromium.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const { model, coverage } = loadSample();
const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-site-'));
writeSite(dir, buildSite(model, 'zh'));
// a province site of two systems (the sample and a renamed copy) under province/
const copy = { ...model, system: { ...model.system, id: 'copy', title: `${model.system.title}（副本）` } };
writeSite(path.join(dir, 'province'), buildProvinceSite([model, copy], matrixGroups([coverage!, { ...coverage!, system: copy.system }]), 'zh'));
const url = (p: string): string => pathToFileURL(path.join(dir, p)).href;
// the sample's site with its 体系评价 page, written by the CLI under assessed/
const assessSite = spawnSyncCli(['export', SAMPLE, '--html', path.join(dir, 'assessed'), '--assess', '--date', '2026-12-04']);

let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
}, 20_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open a page and collect what went wrong while it loaded. */
async function open(p: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  const target = p.startsWith('http') ? p : url(p);
  const origin = target.startsWith('http') ? new URL(target).origin : 'file:';
  page.on('request', (r) => { if (!r.url().startsWith(origin)) problems.push(`request to another host: ${r.url()}`); });
  await page.goto(target);
  return { page, problems };
}

async function visibleSeqs(page: Page): Promise<number[]> {
  return page.$$eval('#rows tr:not(.grp) td:first-child', (tds) => tds.map((td) => Number(td.textContent)));
}

describe('the generated site in Chromium', () => {
  const main = ['index.html', 'table.html', 'coverage.html', 'items.html', 'province/index.html', 'province/copy/table.html'];
  const someItems = coverage!.items.filter((_, i) => i % 30 === 0).map((ic) => itemPath(ic.item.id));
  const someStandards = model.rows.filter((_, i) => i % 30 === 0).map(standardPath);

  it('loads the pages with no console errors, no failed requests and every link resolving', async () => {
    for (const p of [...main, ...someItems, ...someStandards]) {
      const { page, problems } = await open(p);
      await page.waitForLoadState('load');
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href));
      for (const h of new Set(hrefs.map((x) => x.split('#')[0]!))) {
        expect(h.startsWith('file:'), `${p} links to ${h}`).toBe(true);
        expect(() => readFileSync(new URL(h)), `${p} → ${h}`).not.toThrow();
      }
      expect(problems, p).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('filters and searches the 明细表 to the right rows', async () => {
    const { page, problems } = await open('table.html');
    const all = model.rows.map((r) => r.seq);
    expect(await visibleSeqs(page)).toEqual(all);
    // a number typed with full-width characters, an em dash and an ideographic space
    const target = model.rows.find((r) => r.number.startsWith('GB/T 33534'))!;
    const wide = target.number.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace('－', '—').replace('　', '　');
    await page.fill('#f-q', wide);
    const hit = model.rows.filter((r) => searchKey(`${r.number} ${r.title} ${r.code} ${r.entry.replaces.join(' ')}`).includes(searchKey(wide))).map((r) => r.seq);
    expect(hit).toContain(target.seq);
    expect(await visibleSeqs(page)).toEqual(hit);
    expect(await page.textContent('#count')).toBe(String(hit.length));
    // level + status
    await page.fill('#f-q', '');
    await page.selectOption('#f-level', 'local');
    await page.selectOption('#f-status', 'planned');
    expect(await visibleSeqs(page)).toEqual(model.rows.filter((r) => r.level === 'local' && r.status === 'planned').map((r) => r.seq));
    // service item
    await page.click('#f-reset');
    await page.selectOption('#f-svc', 'P03-01');
    expect(await visibleSeqs(page)).toEqual(model.rows.filter((r) => r.services.some((s) => s.id === 'P03-01')).map((r) => r.seq));
    expect(problems).toEqual([]);
    await page.close();
    // a box of the structure chart opens the table filtered to its sub-system
    const idx = await open('index.html');
    const box = idx.page.locator('svg a').nth(1);
    const label = await box.getAttribute('aria-label');
    await box.click();
    await idx.page.waitForURL(/table\.html#sub=/);
    const node = [...model.tree.flatMap((n) => [n, ...n.subsystems])].find((n) => `${n.code} ${n.title}` === label || n.title === label)!;
    const inNode = model.rows.filter((r) => { for (let x = r.node; x; x = x.parent) if (x === node) return true; return false; }).map((r) => r.seq);
    expect(inNode.length).toBeGreaterThan(0);
    expect(await visibleSeqs(idx.page)).toEqual(inNode);
    await idx.page.close();
  }, 20_000);

  it('lists on an item page exactly the standards gaps reports', async () => {
    const ic = coverage!.items.find((i) => i.rows.length > 1)!;
    const { page } = await open(itemPath(ic.item.id));
    const linked = await page.$$eval('main a[href*="std/"]', (as) => as.map((a) => Number(/std\/(\d+)\.html/.exec((a as HTMLAnchorElement).href)![1])));
    const seqOf = new Map(model.rows.map((r) => [r.entry, r.seq]));
    expect([...new Set(linked)].sort((a, b) => a - b)).toEqual(ic.rows.map((r) => seqOf.get(r.entry)!).sort((a, b) => a - b));
    await page.close();
  });

  it('has no serious or critical axe-core violations on the main pages', async () => {
    for (const p of ['index.html', 'table.html', 'coverage.html', someItems[0]!, someStandards[0]!, 'province/index.html']) {
      const { page } = await open(p);
      // evaluated through the devtools protocol: the site's CSP (script-src 'self') stays on
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, p).toEqual([]);
      await page.close();
    }
  }, 60_000);
});

describe('hrss-std serve in Chromium', () => {
  it('shows a YAML change with its new diagnostics within a second', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'hrss-std-serve-'));
    cpSync(SAMPLE, path.join(repo, 'systems', 'zhanjiang'), { recursive: true });
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: repo, env: { ...process.env, NO_COLOR: '1', HRSS_STD_LANG: 'zh' } });
    let log = '';
    child.stderr!.on('data', (b) => { log += b; });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (b) => { out += b; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out); if (m) resolve(m[0]); });
        child.on('exit', (c) => reject(new Error(`serve exited ${c}`)));
        setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 10_000);
      });
      const { page, problems } = await open(`${address}table.html`);
      expect(await page.textContent('#diagnostics h2')).toMatch(/校验发现 \d+ 个问题|校验通过/);
      const before = await page.$$eval('#diagnostics li', (l) => l.length);
      const file = path.join(repo, 'systems', 'zhanjiang', 'employment.yaml');
      const text = readFileSync(file, 'utf8');
      const firstTitle = /title: (.+)/.exec(text.split('standards:')[1]!)![1]!;
      // rename a standard and break a number: both must show after one save
      writeFileSync(file, text.replace(`title: ${firstTitle}`, 'title: 浏览器测试改名').replace('number: GB/T 33534-2017', 'number: GB/T 33534-20X7'));
      const t0 = Date.now();
      await page.waitForFunction(() => document.body.textContent!.includes('浏览器测试改名'), undefined, { timeout: 3000 });
      const elapsed = Date.now() - t0;
      const diag = await page.textContent('#diagnostics');
      expect(diag).toContain('systems/zhanjiang/employment.yaml:');
      expect(await page.$$eval('#diagnostics li', (l) => l.length)).toBeGreaterThan(before);
      expect(elapsed, log).toBeLessThan(1000);
      expect(problems.filter((p) => !p.includes('__events'))).toEqual([]);
      await page.close();
    } finally {
      const stopped = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      child.kill('SIGINT');
      expect(await stopped).toBe(0);
      rmSync(repo, { recursive: true, force: true });
    }
  }, 20_000);
});

/**
 * A system larger than the page's first window (TABLE_WINDOW rows): the sample's rows six times
 * over, renumbered. The page lists the first window, the filters and search work on every row.
 */
describe('a 明细表 longer than the first window', () => {
  const copies = Math.ceil((2 * TABLE_WINDOW + 1) / model.rows.length); // more than two windows
  const rows: typeof model.rows = [];
  const detail: typeof model.detail = [];
  for (let c = 0; c < copies; c++) {
    for (const d of model.detail) {
      if (d.kind === 'group') detail.push(d);
      else {
        const r = { ...d.row, seq: rows.length + 1 };
        rows.push(r);
        detail.push({ kind: 'row', row: r });
      }
    }
  }
  const big = { ...model, rows, detail };
  const bigDir = mkdtempSync(path.join(tmpdir(), 'hrss-std-bigsite-'));
  writeSite(bigDir, buildSite(big, 'zh'));
  afterAll(() => rmSync(bigDir, { recursive: true, force: true }));
  const seqs = (rs: typeof rows): number[] => rs.map((r) => r.seq);

  it('lists the first window, lists more on request, and searches and filters every row', async () => {
    expect(rows.length).toBeGreaterThan(TABLE_WINDOW);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(pathToFileURL(path.join(bigDir, 'table.html')).href);
    expect(await visibleSeqs(page)).toEqual(seqs(rows.slice(0, TABLE_WINDOW)));
    expect(await page.textContent('#count')).toBe(String(rows.length));
    expect(await page.isVisible('#partial')).toBe(true);
    // the script renders exactly the static rows when nothing is filtered
    const staticRows = await page.innerHTML('#rows');
    await page.evaluate(() => (window as unknown as { hrssFilter(): void }).hrssFilter());
    expect(await page.innerHTML('#rows')).toBe(staticRows);
    await page.click('#more');
    expect(await visibleSeqs(page)).toEqual(seqs(rows.slice(0, 2 * TABLE_WINDOW)));
    // a number found in every copy, also in those past the first window
    const target = rows.find((r) => r.number.startsWith('GB/T 33534'))!;
    await page.fill('#f-q', target.number);
    const hit = rows.filter((r) => searchKey(`${r.number} ${r.title} ${r.code} ${r.entry.replaces.join(' ')}`).includes(searchKey(target.number)));
    expect(hit.length).toBeGreaterThanOrEqual(copies);
    expect(hit.some((r) => r.seq > TABLE_WINDOW)).toBe(true);
    expect(await visibleSeqs(page)).toEqual(seqs(hit));
    expect(await page.isVisible('#partial')).toBe(false);
    expect(await page.isVisible('#more')).toBe(false);
    // a filter matching more than a window lists the first window of the matches and counts all
    await page.fill('#f-q', '');
    await page.selectOption('#f-status', 'current');
    const current = rows.filter((r) => r.status === 'current');
    expect(await page.textContent('#count')).toBe(String(current.length));
    expect(await visibleSeqs(page)).toEqual(seqs(current.slice(0, TABLE_WINDOW)));
    // printing lists every match, not only the listed window
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await visibleSeqs(page)).toEqual(seqs(current));
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the 体系评价 page (export --html --assess)', () => {
  it('loads without errors and has no serious or critical axe-core violations', async () => {
    expect(assessSite.status, assessSite.stderr).toBe(0);
    const { page, problems } = await open('assessed/assess.html');
    expect(await page.textContent('h1')).toBe('标准体系评价');
    // checked before axe runs: axe's own preload of the stylesheet is refused on file:// (CORS)
    expect(problems).toEqual([]);
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const res = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});

function spawnSyncCli(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}
