import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers.js';

/** What a corpus case expects (tests/fixtures/bad/<case>/expect.json). */
export interface Expect {
  /** a rule id some diagnostic must carry; "config" for a broken .hrss-std.yaml (reported on stderr); null for none */
  rule: string | null;
  exit: number;
  file?: string;
  line?: number;
  column?: number;
  /** a part of the (Chinese) message */
  message?: string;
  /** the other place of the finding (e.g. the first of two duplicate keys) */
  related?: { line: number; column: number };
  /** more diagnostics that must be reported too: one bad file never hides the others */
  also?: { rule: string; file?: string; line?: number; column?: number }[];
  /** text stderr must contain (config and usage errors) */
  stderr?: string;
  /** the rule must NOT be reported */
  absent?: boolean;
  /** number of systems the summary must count */
  systems?: number;
  /** extra arguments after `validate -f json` */
  args?: string[];
}

export const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'bad');

export function corpusCases(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** A private copy of a case, so nothing above it (a repository's own .hrss-std.yaml) takes part. */
export function copyCase(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hrss-bad-${name}-`));
  cpSync(path.join(CORPUS, name), dir, { recursive: true, filter: (src) => path.basename(src) !== 'expect.json' });
  return dir;
}

export function readExpect(name: string): Expect {
  return JSON.parse(readFileSync(path.join(CORPUS, name, 'expect.json'), 'utf8')) as Expect;
}

interface JsonDiag { rule: string; severity: string; file: string; line: number; column: number; message: string; hint: string | null; related?: { file: string; line: number; column: number; message: string }[] }

/** A stack trace line, or the CLI's own "internal error" text: neither may ever reach a user. */
const STACK = /^\s+at .+[:(]\d+:\d+\)?$|internal error|内部错误/m;

/** The command a case runs: `hrss-std validate -f json` and its extra arguments. */
export const caseArgs = (e: Expect): string[] => ['validate', '-f', 'json', ...(e.args ?? [])];

/** Run `hrss-std validate -f json` in `dir` and check everything `e` asks for. */
export function checkCase(dir: string, e: Expect, env?: Record<string, string>) {
  return checkResult(runCli(caseArgs(e), { cwd: dir, env }), e);
}

/** Check a run of caseArgs(e) against everything `e` asks for. */
export function checkResult(r: CliRun, e: Expect) {
  expect(r.stderr, 'stderr').not.toMatch(STACK);
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(e.exit);
  if (e.rule === 'config') {
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(e.stderr ?? '');
    if (e.message) expect(r.stderr).toContain(e.message);
    return r;
  }
  if (e.stderr) expect(r.stderr).toContain(e.stderr);
  const out = JSON.parse(r.stdout) as { diagnostics: JsonDiag[]; summary: { systems: number } };
  for (const d of out.diagnostics) {
    expect(d.file, JSON.stringify(d)).toBeTruthy();
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.message, JSON.stringify(d)).toBeTruthy();
    expect(d.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
  const listing = out.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}:${d.column} ${d.message}`).join('\n');
  const matches = (d: JsonDiag, w: { rule: string; file?: string; line?: number; column?: number }) =>
    d.rule === w.rule && (w.file === undefined || d.file === w.file) && (w.line === undefined || d.line === w.line) && (w.column === undefined || d.column === w.column);
  if (e.rule) {
    const want = { rule: e.rule, file: e.file, line: e.line, column: e.column };
    if (e.absent) {
      expect(out.diagnostics.filter((d) => d.rule === e.rule), listing).toEqual([]);
    } else {
      const hit = out.diagnostics.find((d) => matches(d, want) && (!e.message || d.message.includes(e.message)));
      expect(hit, `want ${JSON.stringify(want)} ${e.message ?? ''}; got:\n${listing}`).toBeDefined();
      if (e.related) expect(hit!.related?.[0]).toMatchObject(e.related);
    }
  }
  for (const w of e.also ?? []) {
    expect(out.diagnostics.some((d) => matches(d, w)), `also want ${JSON.stringify(w)}; got:\n${listing}`).toBe(true);
  }
  if (e.systems !== undefined) expect(out.summary.systems).toBe(e.systems);
  return r;
}

