import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { fcParams } from './mutate.js';

/**
 * Hostile inputs to the three commands that read something a stranger can hand over and write
 * files: `diff` (git trees crafted with `git mktree -z`: "..", ".", ".git", odd bytes, line breaks,
 * long names, duplicates, deep nesting, symlinks and submodules pointing outside), `import` and
 * `catalog import` (generated workbooks: sheet names such as "../x" or with line breaks, patched in
 * after exceljs, merges, cells with line breaks and controls; CSVs of random bytes). Every run goes
 * through the CLI (what a user runs: argument handling, atomic writes and the exit code are in
 * that layer), with TMPDIR inside a sandbox folder, and `-o` into a fresh folder. After each run:
 * no stack trace or internal error, an exit code in 0..3, every file of the sandbox outside the
 * output folder unchanged (nothing new, nothing changed, nothing removed), and TMPDIR empty.
 * Few runs each (a CLI run costs about 0.3 s): the fixed seeds keep them the same runs; set
 * HRSS_FC_RUNS / HRSS_FC_SEED (tests/robust/mutate.ts) for more or other runs.
 */

const STACK = /^\s+at .+[:(]\d+:\d+\)?$|internal error|内部错误/m;
const SYSTEM = 'id: demo\ntitle: 测试体系\nsubsystems:\n  - { code: "100", title: 基础通用标准体系 }\n';

const sandboxes: string[] = [];
/** The checks that the generators are not all-refused hold for the fixed seeds and run counts, not for any override. */
const DEFAULT_RUNS = !process.env.HRSS_FC_RUNS && !process.env.HRSS_FC_SEED;
afterAll(() => {
  for (const s of sandboxes) rmSync(s, { recursive: true, force: true });
});

/** A sandbox: `outside/` with a file a symlink or "../" could aim at, and a private TMPDIR. */
function sandbox() {
  const base = mkdtempSync(path.join(tmpdir(), 'hrss-sandbox-'));
  sandboxes.push(base);
  const tmp = path.join(base, 'tmp');
  mkdirSync(tmp);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'system.yaml'), SYSTEM);
  return { base, tmp, env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } };
}

/** Every entry below `root`: path → kind and content hash (a symlink by its target, not followed). */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      const st = lstatSync(abs);
      const rel = path.relative(root, abs);
      if (st.isSymbolicLink()) out.set(rel, `link ${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(rel, 'dir');
        walk(abs);
      } else out.set(rel, `file ${st.mode.toString(8)} ${createHash('sha1').update(readFileSync(abs)).digest('hex')}`);
    }
  };
  walk(root);
  return out;
}

/** What changed between two snapshots, outside `allowed` (a folder relative to the root). */
function changedOutside(before: Map<string, string>, after: Map<string, string>, allowed: string): string[] {
  const inside = (p: string) => p === allowed || p.startsWith(allowed + path.sep);
  const changed: string[] = [];
  for (const [p, v] of after) if (!inside(p) && before.get(p) !== v) changed.push(`${before.has(p) ? 'changed' : 'new'}: ${JSON.stringify(p)}`);
  for (const p of before.keys()) if (!inside(p) && !after.has(p)) changed.push(`removed: ${JSON.stringify(p)}`);
  return changed;
}

/** One CLI run in the sandbox, checked; `out` is the fresh output folder (relative to `base`). */
function checkedRun(box: ReturnType<typeof sandbox>, cwd: string, args: string[], out: string) {
  const before = snapshot(box.base);
  const r = runCli(args, { cwd, env: box.env });
  const what = `hrss-std ${args.map((a) => JSON.stringify(a)).join(' ')}\n${r.stderr}`;
  expect(r.stderr, what).not.toMatch(STACK);
  expect(r.stdout, what).not.toMatch(STACK);
  expect([0, 1, 2, 3], what).toContain(r.code);
  expect(changedOutside(before, snapshot(box.base), out), what).toEqual([]);
  expect(readdirSync(box.tmp), what).toEqual([]);
  return r;
}

// ---------------------------------------------------------------- diff: crafted git trees

function git(repo: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', args, {
    cwd: repo, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
  }).trim();
}

type Entry =
  | { kind: 'blob'; name: Uint8Array; mode: '100644' | '100755'; content: string }
  | { kind: 'link'; name: Uint8Array; target: string }
  | { kind: 'submodule'; name: Uint8Array }
  | { kind: 'tree'; name: Uint8Array; entries: Entry[] };

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const entryName: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom('..', '.', '.git', '.GIT', '.git.', '.git ', 'systems', 'demo', 'system.yaml', 'a.yaml', '.hrss-std.yaml', 'x\\y.yaml',
    'a\nb.yaml', 'a\rb.yaml', '\t.yaml', ' .yaml', '-o.yaml', '\u202e.yaml', '标准.yaml', '😀.yml', 'é.yaml', 'e\u0301.yaml', 'a/b.yaml', '/abs.yaml',
    'CON', 'a:b.yaml', 'x'.repeat(250) + '.yaml', 'x'.repeat(300) + '.yaml').map(enc),
  // odd bytes: not UTF-8, controls, anything but NUL
  fc.uint8Array({ minLength: 1, maxLength: 10 }).map((b) => b.map((x) => x || 1)),
);
const blobContent = fc.constantFrom(SYSTEM, 'pwned: 1\n', 'include: ../../outside/system.yaml\n', 'a: [\n', '', 'catalog: ../../../../outside/x.yaml\n' + SYSTEM);
const linkTarget = fc.constantFrom('../../outside/system.yaml', '../../../outside', '/etc/passwd', '..', '.', 'system.yaml', '/', 'x'.repeat(300));
const entries: fc.Arbitrary<Entry[]> = fc.letrec<{ list: Entry[]; entry: Entry }>((tie) => ({
  entry: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('blob' as const), name: entryName, mode: fc.constantFrom('100644' as const, '100755' as const), content: blobContent }),
    fc.record({ kind: fc.constant('link' as const), name: entryName, target: linkTarget }),
    fc.record({ kind: fc.constant('submodule' as const), name: entryName }),
    fc.record({ kind: fc.constant('tree' as const), name: entryName, entries: tie('list') as fc.Arbitrary<Entry[]> })),
  list: fc.array(tie('entry') as fc.Arbitrary<Entry>, { minLength: 1, maxLength: 5 }),
})).list;

/** `git mktree -z --missing`: NUL-terminated records, so names may hold line breaks and any byte but NUL. */
function mktree(repo: string, list: Entry[]): string {
  const records = list.map((e) => {
    let head: string;
    if (e.kind === 'blob') head = `${e.mode} blob ${git(repo, ['hash-object', '-w', '--stdin'], e.content)}`;
    else if (e.kind === 'link') head = `120000 blob ${git(repo, ['hash-object', '-w', '--stdin'], e.target)}`;
    else if (e.kind === 'submodule') head = `160000 commit ${'1'.repeat(40)}`;
    else head = `040000 tree ${mktree(repo, e.entries)}`;
    return Buffer.concat([Buffer.from(`${head}\t`), Buffer.from(e.name), Buffer.from([0])]);
  });
  return git(repo, ['mktree', '-z', '--missing'], Buffer.concat(records));
}

describe('diff: generated git trees write nothing outside the temporary folder and the output (property)', () => {
  it('holds for generated trees (names, depth, symlinks, submodules; with and without -o)', () => {
    const box = sandbox();
    const repo = path.join(box.base, 'repo');
    mkdirSync(path.join(repo, 'systems', 'demo'), { recursive: true });
    writeFileSync(path.join(repo, 'systems', 'demo', 'system.yaml'), SYSTEM);
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'v1']);
    let n = 0;
    let refused = 0;
    // every generated tree also holds the ordinary system, so the accepted ones have something to compare
    const ordinary: Entry = { kind: 'tree', name: enc('systems'), entries: [{ kind: 'tree', name: enc('demo'), entries: [{ kind: 'blob', name: enc('system.yaml'), mode: '100644', content: SYSTEM }] }] };
    fc.assert(fc.property(entries, fc.boolean(), (list, toFile) => {
      let rev: string;
      try {
        rev = git(repo, ['commit-tree', mktree(repo, [ordinary, ...list]), '-p', 'HEAD', '-m', 'crafted']);
      } catch {
        return true; // git itself refused the tree (an empty name, a "/" in a name): nothing to diff
      }
      const out = `out-${n++}`;
      const args = toFile ? ['diff', rev, 'HEAD', '-f', 'json', '-o', `../${out}/diff.json`, '--lang', 'en'] : ['diff', 'HEAD', rev, '--lang', 'en'];
      const r = checkedRun(box, repo, args, out);
      if (r.code === 2) refused++;
      rmSync(path.join(box.base, out), { recursive: true, force: true });
      return true;
    }), { seed: 1717, ...fcParams(8) });
    // the generator is not so tame that every tree is accepted
    if (DEFAULT_RUNS) expect(refused).toBeGreaterThan(0);
  }, 60_000);
});

// ---------------------------------------------------------------- import and catalog import: generated workbooks and CSVs

/** Sheet names as a crafted file can carry them (Excel and exceljs refuse most of these). */
const sheetName = fc.oneof(
  { arbitrary: fc.constantFrom('明细表', '清单', 'Sheet1', '标准 明细'), weight: 3 },
  fc.constantFrom('../x', '..\\x', '/etc/passwd', 'a\nb', 'a\r\nb', '明细表', '清单', 'Sheet1', '', ' ', '.', '..', '<&>"\'', 'x'.repeat(300), '\u0000', '\ud800', '😀'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);
const cellText = fc.oneof(
  fc.constantFrom('GB/T 24421.1-2023', 'DB44/T 1234-2021', '100-01', '101', '现行', 'planned', '国家标准', '公共就业服务 术语', '2017-02-28', '=1+1', '=HYPERLINK("../x")', '../../outside/system.yaml', 'a\nb', '\r\n', '\u0000', '\u0007', '', ' '),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const SYSTEM_HEADERS = ['序号', '标准体系表编号', '子体系', '标准编号', '标准名称', '级别', '状态', '发布日期', '实施日期', '服务事项', '备注'];
const CATALOG_HEADERS = ['序号', '领域', '项目编号', '服务项目', '事项编号', '服务事项', '服务对象', '执行标准/规范性文件'];
interface SheetSpec { name: string; header: string[]; rows: string[][]; merges: [number, number, number, number][] }
const sheetSpec = (headers: string[]): fc.Arbitrary<SheetSpec> => fc.record({
  name: sheetName,
  header: fc.subarray(headers, { minLength: 0 }).chain((h) => fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
  rows: fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 12 }),
  // rectangles [top, left, rows, columns]: small ones and a few large (within the import limits)
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 }), fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 100, max: 600 })), fc.integer({ min: 1, max: 6 })), { maxLength: 3 }),
});

/** A workbook from exceljs with the sheet names replaced afterwards in xl/workbook.xml. */
async function workbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`S${i}`);
    if (s.header.length) ws.addRow(s.header);
    for (const r of s.rows) ws.addRow(r);
    const taken: [number, number, number, number][] = [];
    for (const [top, left, h, w] of s.merges) {
      const rect: [number, number, number, number] = [top, left, top + h - 1, left + w - 1];
      if (h * w === 1 || taken.some((t) => !(rect[2] < t[0] || rect[0] > t[2] || rect[3] < t[1] || rect[1] > t[3]))) continue;
      ws.mergeCells(...rect);
      taken.push(rect);
    }
  });
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer));
  const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    // XML cannot carry these at all; a crafted file may still try (the reader must refuse, not crash)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
  let xml = Buffer.from(files['xl/workbook.xml']!).toString('utf8');
  sheets.forEach((s, i) => { xml = xml.replace(`name="S${i}"`, `name="${xmlAttr(s.name)}"`); });
  files['xl/workbook.xml'] = new Uint8Array(Buffer.from(xml, 'utf8'));
  return Buffer.from(zipSync(files));
}

/** A sheet name given on the command line (an argument cannot hold NUL). */
const sheetArg = sheetName.map((s) => s.replace(/\u0000/g, ''));

/** undefined three times out of four */
const sometimes = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });

/** Input file names (inside the work folder) as people and attackers name them. */
const inputName = fc.constantFrom('表.xlsx', 'a\nb.xlsx', '-o.xlsx', '..xlsx', ' 明细表 .xlsx', `${'长'.repeat(60)}.xlsx`, 'x.XLSX');

describe('import and catalog import: generated workbooks and CSVs write only into the output folder (property)', () => {
  it('import: generated workbooks, -o into a fresh folder (sometimes --sheet with a hostile name)', async () => {
    const box = sandbox();
    const work = path.join(box.base, 'work');
    mkdirSync(work);
    let n = 0;
    let wrote = 0;
    await fc.assert(fc.asyncProperty(fc.array(sheetSpec(SYSTEM_HEADERS), { minLength: 1, maxLength: 3 }), inputName, sometimes(sheetArg), fc.constantFrom('dir/', 'a.yaml', 'dir'),
      async (sheets, name, pick, target) => {
        const file = path.join(work, name);
        writeFileSync(file, await workbook(sheets));
        const out = `out-${n++}`;
        const args = ['import', name, '-o', `../${out}/${target}`, ...(pick !== undefined ? ['--sheet', pick] : [])];
        if (checkedRun(box, work, args, out).code <= 1) wrote++;
        rmSync(path.join(box.base, out), { recursive: true, force: true });
        rmSync(file);
      }), { seed: 1718, ...fcParams(4) });
    // not every generated workbook is refused: some are imported and written
    if (DEFAULT_RUNS) expect(wrote).toBeGreaterThan(0);
  }, 60_000);

  it('catalog import: generated workbooks and CSVs, -o into a fresh folder', async () => {
    const box = sandbox();
    const work = path.join(box.base, 'work');
    mkdirSync(work);
    let n = 0;
    let wrote = 0;
    const csv = fc.oneof(
      fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 10 }).map((rows) => [CATALOG_HEADERS.join(','), ...rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\r\n')),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      fc.constantFrom('\ufeff序号,服务事项\n1,"未闭合\n', '序号,服务事项\n' + '1,x\n'.repeat(50), ''),
    );
    const input = fc.oneof(
      fc.record({ kind: fc.constant('xlsx' as const), sheets: fc.array(sheetSpec(CATALOG_HEADERS), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('csv' as const), text: csv }),
    );
    await fc.assert(fc.asyncProperty(input, fc.constantFrom('c.catalog.yaml', 'deep/er/c.yaml', 'dir/'), sometimes(sheetArg),
      async (inp, target, pick) => {
        const name = inp.kind === 'xlsx' ? 'list.xlsx' : 'list\n.csv';
        const file = path.join(work, name);
        writeFileSync(file, inp.kind === 'xlsx' ? await workbook(inp.sheets) : inp.text);
        const out = `out-${n++}`;
        const args = ['catalog', 'import', name, '-o', `../${out}/${target}`, ...(pick !== undefined && inp.kind === 'xlsx' ? ['--sheet', pick] : [])];
        if (checkedRun(box, work, args, out).code <= 1) wrote++;
        rmSync(path.join(box.base, out), { recursive: true, force: true });
        rmSync(file);
      }), { seed: 1719, ...fcParams(5) });
    if (DEFAULT_RUNS) expect(wrote).toBeGreaterThan(0);
  }, 60_000);
});
