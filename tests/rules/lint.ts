/** Test helpers for the rule tests: run load → schema → rules on a small system written inline. */
import { defaultConfig, type Config } from '../../src/config/config.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { validate, type ValidateResult } from '../../src/pipeline/validate.js';
import { tempTree } from '../helpers.js';

/** The check date every rule test uses, so date rules are deterministic. */
export const TODAY = '2026-11-21';

/** Lines joined with "\n": line N of the file is the N-th argument, which keeps line asserts readable. */
export const lines = (...ls: string[]) => ls.join('\n') + '\n';

/** Validate `systems/t/system.yaml` (plus any other files) with a fixed check date. */
export function run(system: string, extra: Record<string, string> = {}, cfg: Partial<Config> = {}): ValidateResult {
  const dir = tempTree({ 'systems/t/system.yaml': system, ...extra });
  const config = { ...defaultConfig(dir), today: TODAY, ...cfg };
  return validate([], config, dir);
}

export function lint(system: string, extra: Record<string, string> = {}, cfg: Partial<Config> = {}): Diagnostic[] {
  return run(system, extra, cfg).diagnostics;
}

/** Findings of one rule. */
export function of(ds: Diagnostic[], rule: string): Diagnostic[] {
  return ds.filter((d) => d.rule === rule);
}

/** Where a finding is, for compact asserts: "line:column". */
export const pos = (d: Diagnostic) => `${d.line}:${d.column}`;

/** A system header; rows go under one sub-system "101" of a top-level "100" (lines 1–9). */
export const HEAD = [
  'id: t',
  'title: 测试体系',
  'subsystems:',
  '  - code: "100"',
  '    title: 基础通用标准体系',
  '    subsystems:',
  '      - code: "101"',
  '        title: 术语与缩略语标准',
  '        standards:',
];

/** 1-based line of the first line containing `needle` (so asserts survive edits above it). */
export function lineOf(text: string, needle: string, from = 1): number {
  const ls = text.split('\n');
  for (let i = from - 1; i < ls.length; i++) if (ls[i]!.includes(needle)) return i + 1;
  throw new Error(`not found: ${needle}`);
}

/** Rows under sub-system 101: each row is its keys, the first written after "- ". */
export function rows(...rs: string[][]): string {
  const out = [...HEAD];
  for (const r of rs) {
    r.forEach((k, i) => out.push((i === 0 ? '          - ' : '            ') + k));
  }
  return lines(...out);
}
