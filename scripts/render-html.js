// The HTML part of `npm run render-check` (called from scripts/render-check.js): export the sample
// as a site and take screenshots of the main pages in Debian's Chromium (desktop and phone widths)
// plus an A4 print of the 明细表, so a person can look at them. Skips with a message when
// Chromium is not installed (the browser tests, not this script, are the gate).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.HRSS_STD_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function renderHtml({ root, system, out }) {
  if (!existsSync(CHROMIUM)) {
    console.log(`render-check (html): Chromium not found at ${CHROMIUM}; no screenshots (apt-get install -y chromium).`);
    return [];
  }
  const dir = out ?? mkdtempSync(path.join(tmpdir(), 'hrss-std-render-html-'));
  mkdirSync(dir, { recursive: true });
  const site = path.join(dir, 'site');
  const exp = spawnSync(process.execPath, [path.join(root, 'bin', 'hrss-std.js'), 'export', system, '--html', site, '--force'], { encoding: 'utf8', cwd: root });
  if (exp.status !== 0) throw new Error(`export --html failed (exit ${exp.status}): ${exp.stderr}`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'hrss-std-render-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await context.newPage();
  const shots = [];
  const pages = [['index', 'index.html'], ['table', 'table.html'], ['coverage', 'coverage.html'], ['items', 'items.html'], ['item', 'items/P05-01.html'], ['standard', 'std/1.html']];
  for (const [name, p] of pages) {
    if (!existsSync(path.join(site, p))) continue;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(site, p)).href);
    const file = path.join(dir, `html-${name}.png`);
    await page.screenshot({ path: file, fullPage: name !== 'table' });
    shots.push(file);
  }
  // phone width, with a search typed in
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(pathToFileURL(path.join(site, 'table.html')).href);
  await page.fill('#f-q', 'ＧＢ／Ｔ　３３５３４');
  shots.push(path.join(dir, 'html-table-phone.png'));
  await page.screenshot({ path: shots.at(-1) });
  // keyboard focus on a structure box
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  shots.push(path.join(dir, 'html-focus.png'));
  await page.screenshot({ path: shots.at(-1) });
  // printed 明细表 (A4 landscape from the print stylesheet)
  await page.goto(pathToFileURL(path.join(site, 'table.html')).href);
  shots.push(path.join(dir, 'html-table-print.pdf'));
  await page.pdf({ path: shots.at(-1), preferCSSPageSize: true });
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  console.log('\nrender-check (html): look at these:');
  for (const s of shots) console.log(`  ${s}`);
  return shots;
}
