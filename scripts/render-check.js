#!/usr/bin/env node
// npm run render-check — export the bundled sample to .xlsx and .docx, convert both with
// LibreOffice to PDF and the PDF pages to PNG, and print the paths, so a person can look at
// the pages (A4, landscape tables, Chinese text, the structure picture) before a release.
// Skips with a message when LibreOffice (soffice) is not installed; PNGs need poppler (pdftoppm).
//
//   node scripts/render-check.js [--out DIR] [--dpi N] [system]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const outArg = flag('--out');
const dpi = flag('--dpi') ?? '60';
const systemArg = args[0];
const system = systemArg ?? path.join(root, 'systems', 'zhanjiang');

function has(cmd, versionFlag = '--version') {
  return spawnSync(cmd, [versionFlag], { stdio: 'ignore' }).status === 0;
}

// the HTML site's screenshots (scripts/render-html.js); they do not need LibreOffice
await (await import('./render-html.js')).renderHtml({ root, system, out: outArg && path.join(path.resolve(outArg), 'html') });

const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice) {
  console.log('render-check: LibreOffice (soffice) is not installed; skipped.');
  console.log('  Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils');
  process.exit(0);
}

const out = outArg ? path.resolve(outArg) : mkdtempSync(path.join(tmpdir(), 'hrss-std-render-'));
mkdirSync(out, { recursive: true });

console.log('render-check: building…');
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

/**
 * The 目次's page numbers against the pages of LibreOffice's PDF: for each entry, the page whose
 * text starts a line with the heading (its footer says the page number). Prints each mismatch.
 */
async function checkToc(docx, pdf) {
  const { strFromU8, unzipSync } = await import('fflate');
  const { readFileSync } = await import('node:fs');
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']);
  const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)?.[0] ?? '';
  const text = (x) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => m[1] ?? '-').join('');
  const entries = [...toc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => /^(.*?)(\d+)$/.exec(text(m[0]).trim())).filter(Boolean).map((m) => ({ title: m[1].trim(), page: m[2] }));
  const pages = (spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout ?? '').split('\f');
  const footer = (pg) => [...pg.matchAll(/—\s*(\d+)\s*—/g)].at(-1)?.[1];
  const bare = (s) => s.replace(/\s+/g, '');
  let bad = 0;
  for (const e of entries) {
    const found = pages.find((pg, i) => i > 1 && pg.split('\n').some((l) => bare(l).startsWith(bare(e.title))));
    const actual = found === undefined ? undefined : footer(found);
    if (actual !== e.page) {
      bad++;
      console.log(`  目次: “${e.title}” says page ${e.page}, the PDF has it on page ${actual ?? '(not found)'}`);
    }
  }
  console.log(`  目次: ${entries.length} entries, ${entries.length - bad} on the page the PDF shows them on`);
  return bad === 0 && entries.length > 0;
}

// A private LibreOffice profile: works while another LibreOffice is open, leaves the user's alone.
const profile = pathToFileURL(mkdtempSync(path.join(tmpdir(), 'hrss-std-lo-'))).href;

/** Export `system` into `out`, convert both files, render the pages; true when something failed. */
async function renderSystem(system, out) {
  mkdirSync(out, { recursive: true });
  let failed = false;
  const exp = spawnSync(process.execPath, [path.join(root, 'bin', 'hrss-std.js'), 'export', system, '-o', out, '--force'], { encoding: 'utf8', cwd: root });
  process.stdout.write(exp.stdout);
  process.stderr.write(exp.stderr);
  if (exp.status !== 0) {
    console.error(`render-check: export failed (exit ${exp.status})`);
    return true;
  }

  const docs = readdirSync(out).filter((f) => /\.(xlsx|docx)$/.test(f)).sort();
  for (const f of docs) {
    const conv = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path.join(out, f)], { encoding: 'utf8' });
    const pdfName = `${path.basename(f, path.extname(f))}.pdf`;
    const pdfPath = path.join(out, pdfName);
    if (conv.status !== 0 || !existsSync(pdfPath)) {
      console.error(`render-check: LibreOffice could not convert ${f}:\n${conv.stderr}`);
      failed = true;
      continue;
    }
    // keep each format's PDF apart (the .xlsx and .docx share the system id as their name)
    const kept = path.join(out, `${path.basename(f, path.extname(f))}.${path.extname(f).slice(1)}.pdf`);
    renameSync(pdfPath, kept);
    const info = spawnSync('pdfinfo', [kept], { encoding: 'utf8' });
    const pages = /Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1];
    const size = /Page size:\s+([^\n]+)/.exec(info.stdout ?? '')?.[1];
    console.log(`\n${f} → ${kept}${pages ? `  (${pages} pages, ${size})` : ''}`);
    if (f.endsWith('.docx') && !(await checkToc(path.join(out, f), kept))) failed = true;
    if (has('pdftoppm', '-v')) {
      const prefix = path.join(out, `${path.basename(f, path.extname(f))}-${path.extname(f).slice(1)}`);
      execFileSync('pdftoppm', ['-png', '-r', dpi, kept, prefix]);
      for (const png of readdirSync(out).filter((p) => p.startsWith(path.basename(prefix)) && p.endsWith('.png')).sort()) {
        console.log(`  ${path.join(out, png)}`);
      }
    } else {
      console.log('  (pdftoppm not installed: no PNGs; apt-get install poppler-utils)');
    }
  }
  return failed;
}

let failed = await renderSystem(system, out);
// without a system named: also a generated 1,000-row system (bench/generate.js, synthetic numbers)
if (!systemArg) {
  const { generateRepo } = await import('../bench/generate.js');
  const repo = path.join(out, 'generated-1000');
  generateRepo({ systems: 1, standards: 1000, faultRate: 0, out: repo });
  const dir = path.join(repo, 'systems', readdirSync(path.join(repo, 'systems'))[0]);
  console.log(`\nrender-check: a generated 1,000-row system (${dir})`);
  failed = (await renderSystem(dir, path.join(out, 'generated-1000-pages'))) || failed;
}
console.log(`\nrender-check: look at the pages above (A4, landscape tables, Chinese text, the structure picture). Folder: ${out}`);
process.exit(failed ? 1 : 0);
