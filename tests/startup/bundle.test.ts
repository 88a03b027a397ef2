import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliMany } from '../helpers.js';

// `npm run build` bundles dist/ into dist/bundle/cli.bundle.cjs with a V8 code cache
// (scripts/bundle.js), which bin/hrss-std.js runs instead of dist/cli/index.js for a faster start.
// global-setup builds dist/ with tsc only (the bundle, when there is one, is then older and
// ignored), so these tests make a private package: a copy of bin/ and dist/ beside links to
// data/, schemas/, templates/, systems/ and node_modules/, bundled there.
// The bundle must behave exactly like dist/cli/index.js: same output, same files, same exit codes.

const SAMPLE = 'systems/zhanjiang';
let pkg: string;
let work: string;

beforeAll(() => {
  pkg = mkdtempSync(path.join(tmpdir(), 'hrss-std-bundle-'));
  work = mkdtempSync(path.join(tmpdir(), 'hrss-std-bundle-work-'));
  cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(pkg, 'dist'), {
    recursive: true,
    filter: (src) => !/[\\/]dist[\\/](bundle|generated)$/.test(src),
  });
  cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  for (const d of ['data', 'schemas', 'templates', 'systems', 'node_modules']) symlinkSync(path.join(ROOT, d), path.join(pkg, d));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-data.js'), pkg], { cwd: ROOT });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.js'), pkg], { cwd: ROOT });
}, 120_000);

afterAll(() => {
  rmSync(pkg, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

interface Run { code: number | null; stdout: string; stderr: string }

function run(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; node?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), path.join(pkg, 'bin/hrss-std.js'), ...args], {
    cwd: opts.cwd ?? pkg,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, HRSS_STD_LANG: '', LANG: 'C', HRSS_STD_BUNDLE: undefined, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run with the bundle and with dist/cli/index.js; both results. */
function both(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return {
    bundled: run(args, opts),
    plain: run(args, { ...opts, env: { ...opts.env, HRSS_STD_BUNDLE: '0' } }),
  };
}

/**
 * Many runs in two processes, one per variant: each case's argv through the bundle's main() and
 * through dist/cli/index.js's main() (runCliMany). A process per case and variant was 180
 * processes and most of a minute; bin/ picking the bundle, the code cache and the stamp are
 * tested below with real processes.
 */
function bothMany(cases: { args: string[]; cwd?: string }[]): { bundled: Run[]; plain: Run[] } {
  const withCwd = cases.map((c) => ({ args: c.args, cwd: c.cwd ?? pkg }));
  return { bundled: runCliMany(withCwd, { variant: 'bundled', pkg }), plain: runCliMany(withCwd, { variant: 'plain', pkg }) };
}

/** Every file under dir (relative path → bytes). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const abs = path.join(dir, f);
    if (statSync(abs).isFile()) out[f] = readFileSync(abs).toString('base64');
  }
  return out;
}

/** A preload that records every module loaded (ESM and CommonJS) into `log`. */
function tracer(log: string): string[] {
  const dir = mkdtempSync(path.join(work, 'trace-'));
  writeFileSync(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }
`);
  writeFileSync(path.join(dir, 'trace.mjs'), `import { register } from 'node:module';
import Module from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const r = load.apply(this, arguments);
  try { appendFileSync(${JSON.stringify(log)}, Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {}
  return r;
};
`);
  writeFileSync(log, '');
  return ['--import', pathToFileURL(path.join(dir, 'trace.mjs')).href];
}

describe('the bundled CLI', () => {
  it('is built with a code cache that V8 accepts', () => {
    const bundle = path.join(pkg, 'dist/bundle/cli.bundle.cjs');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(path.join(pkg, 'dist/bundle/cli.bundle.cache'))).toBe(true);
    // what bin/hrss-std.js does, in a plain node process (the code cache depends on V8's flags)
    const check = `const fs = require('fs'), vm = require('vm');
const text = fs.readFileSync(${JSON.stringify(bundle)}, 'latin1');
const cache = fs.readFileSync(${JSON.stringify(bundle.replace(/\.cjs$/, '.cache'))});
const id = text.slice('// hrss-std bundle '.length, '// hrss-std bundle '.length + 64);
if (cache.toString('latin1', 0, 64) !== id) throw new Error('cache made from another bundle');
const s = new vm.Script(text, { filename: ${JSON.stringify(bundle)}, cachedData: cache.subarray(64) });
process.stdout.write(String(s.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', check], { encoding: 'utf8' })).toBe('false');
  });

  it('prints what dist/cli/index.js prints', () => {
    const cases: string[][] = [
      [],
      ['--help'],
      ['--version', '--lang', 'en'],
      ['bogus'],
      ['validate', '--help'],
      ['gaps', '--help'],
      ['export', '--help'],
      ['validate', SAMPLE],
      ['validate'],
      ['--lang', 'en', 'validate', SAMPLE],
      ['validate', SAMPLE, '-q'],
      ['validate', SAMPLE, '--max-warnings', '0'],
      ...['json', 'sarif', 'junit', 'github', 'bogus'].map((f) => ['validate', SAMPLE, '-f', f]),
      ['validate', SAMPLE, '--fix-dry-run'],
      ['validate', 'no/such/system'],
      ['gaps', SAMPLE],
      ...['json', 'markdown', 'csv'].map((f) => ['gaps', SAMPLE, '-f', f]),
      ['gaps', SAMPLE, '--min-coverage', '90'],
      ['catalog'],
      ['catalog', 'list', '-f', 'json'],
      ['catalog', 'show', 'P07'],
      ['catalog', 'show', 'P15-99'],
      ['rules'],
      ['rules', '--format', 'json'],
      ['rules', '-f', 'markdown'],
      ['completion', 'bash'],
      ['completion', 'zsh'],
      ['completion', 'fish'],
      ['diff', SAMPLE, SAMPLE],
      ['export', SAMPLE, '--date', '2024-13-01'],
      ['assess', SAMPLE, '--date', '2026-12-04'],
      ['assess', SAMPLE, '-f', 'json'],
      ['assess', '--help'],
    ];
    const { bundled, plain } = bothMany(cases.map((args) => ({ args })));
    cases.forEach((args, i) => expect(bundled[i], args.join(' ')).toEqual(plain[i]));
    // and they are real runs: the sample validates, a bogus command is a usage error
    expect(bundled[cases.findIndex((a) => a.join(' ') === `validate ${SAMPLE}`)]!.code).toBe(0);
    expect(bundled[cases.findIndex((a) => a.join(' ') === 'bogus')]!.code).toBe(2);
    const runtime = both(['validate', SAMPLE, '-f', 'json'], { env: { HRSS_STD_SCHEMA_RUNTIME: '1' } });
    expect(runtime.bundled).toEqual(runtime.plain);
  });

  it('reports every broken input of tests/fixtures/bad the same way', () => {
    const bad = path.join(ROOT, 'tests/fixtures/bad');
    const names = readdirSync(bad);
    const { bundled, plain } = bothMany(names.map((name) => ({ args: ['validate'], cwd: path.join(bad, name) })));
    // real runs: most of these inputs are refused
    expect(bundled.filter((r) => r.code !== 0).length).toBeGreaterThan(names.length / 2);
    names.forEach((name, i) => {
      expect(bundled[i], name).toEqual(plain[i]);
      expect(bundled[i]!.stdout + bundled[i]!.stderr, name).not.toMatch(/internal error|内部错误|threw:/);
    });
  });

  it('writes the same files (export, import, init)', () => {
    const outputs = (variant: Record<string, string>) => {
      const dir = path.join(work, 'out');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      const cwd = { cwd: dir, env: variant };
      const sample = path.join(pkg, SAMPLE);
      const r = [
        run(['export', sample, '-o', '.', '--date', '2024-05-01'], { ...cwd, node: tracer(path.join(work, `export-${variant.HRSS_STD_BUNDLE ?? 'bundled'}.log`)) }),
        run(['import', 'zhanjiang.xlsx', '-o', 'imported/'], cwd),
        run(['init', 'fresh', '--region', '440800'], cwd),
        run(['catalog', 'import', 'zhanjiang.xlsx', '--sheet', '1'], cwd),
      ];
      return { runs: r, files: files(dir) };
    };
    const bundled = outputs({});
    const plain = outputs({ HRSS_STD_BUNDLE: '0' });
    expect(bundled.runs.slice(0, 3).map((r) => r.code)).toEqual([0, 0, 0]);
    expect(Object.keys(bundled.files)).toEqual(expect.arrayContaining(['zhanjiang.xlsx', 'zhanjiang.docx', path.join('imported', 'system.yaml')]));
    expect(bundled.runs).toEqual(plain.runs);
    expect(bundled.files).toEqual(plain.files);
    // export loads exceljs and docx (validate loads neither: below)
    const loaded = readFileSync(path.join(work, 'export-bundled.log'), 'utf8');
    expect(loaded).toMatch(/node_modules[\\/]exceljs[\\/]/);
    expect(loaded).toMatch(/node_modules[\\/]docx[\\/]/);
  });

  it('loads neither dist/ modules nor exceljs, docx or ajv to validate (export loads them: see above)', () => {
    const log = path.join(work, 'validate.log');
    expect(run(['validate', SAMPLE], { node: tracer(log) }).code).toBe(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain(pathToFileURL(path.join(pkg, 'bin/hrss-std.js')).href);
    // the bundle is read and compiled by bin/ itself, so no module of dist/ goes through a loader
    expect(loaded.split('\n').filter((l) => l.includes(`${path.basename(pkg)}/dist/`) || l.includes(path.join(pkg, 'dist')))).toEqual([]);
    expect(loaded).not.toMatch(/node_modules[\\/](exceljs|docx|ajv)[\\/]/);
    // and without the bundle (dist/cli/index.js, HRSS_STD_BUNDLE=0): exceljs, docx and ajv are still not loaded
    const plainLog = path.join(work, 'validate-plain.log');
    expect(run(['validate', SAMPLE], { node: tracer(plainLog), env: { HRSS_STD_BUNDLE: '0' } }).code).toBe(0);
    const plainLoaded = readFileSync(plainLog, 'utf8');
    expect(plainLoaded).toContain(pathToFileURL(path.join(pkg, 'dist/cli/index.js')).href);
    expect(plainLoaded).not.toMatch(/node_modules[\\/](exceljs|docx|ajv)[\\/]/);
  });

  it('is not loaded for a lone --version, which loads nothing but bin/', () => {
    const log = path.join(work, 'version.log');
    const r = run(['--version'], { node: tracer(log) });
    expect(r).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
    const ours = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes(pkg));
    expect(ours).toEqual([pathToFileURL(path.join(pkg, 'bin/hrss-std.js')).href]);
    expect(run(['-V'])).toEqual(r);
    expect(run(['--version'], { env: { HRSS_STD_BUNDLE: '0' } })).toEqual(r);
  });

  it('is ignored once dist/cli/index.js differs from the one it was built from (content stamp)', () => {
    const cli = path.join(pkg, 'dist/cli/index.js');
    const before = readFileSync(cli);
    const log = path.join(work, 'stale.log');
    try {
      writeFileSync(cli, Buffer.concat([before, Buffer.from('\n// rebuilt by tsc\n')]));
      expect(run(['validate', SAMPLE], { node: tracer(log) }).code).toBe(0);
      const loaded = readFileSync(log, 'utf8');
      expect(loaded).toContain(pathToFileURL(cli).href);
      expect(loaded).not.toContain('cli.bundle.cjs');
    } finally {
      writeFileSync(cli, before);
    }
  });

  it('is used whatever the file times (npm does not preserve them): dist/cli/index.js newer than the bundle', () => {
    const cli = path.join(pkg, 'dist/cli/index.js');
    const before = statSync(cli);
    const log = path.join(work, 'times.log');
    try {
      utimesSync(cli, before.atime, new Date(Date.now() + 60_000));
      expect(run(['validate', SAMPLE], { node: tracer(log) }).code).toBe(0);
      // the bundle runs through vm.Script (not in the module log): no dist/ module is loaded
      const loaded = readFileSync(log, 'utf8');
      expect(loaded).not.toContain(pathToFileURL(cli).href);
      expect(loaded).not.toContain(pathToFileURL(path.join(pkg, 'dist/commands/validate.js')).href);
    } finally {
      utimesSync(cli, before.atime, before.mtime);
    }
  });
});
