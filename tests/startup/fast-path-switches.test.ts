import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliMany, tempTree } from '../helpers.js';
import { copyCase, corpusCases } from '../robust/corpus.js';
import { sampleExport } from '../export/sample-export.js';
import { SAMPLE } from '../export/helpers.js';
import { FAST_PATH_SWITCHES, fastPathOn } from '../../src/util/switches.js';
import { parseYaml } from '../../src/load/yaml.js';
import type { SourceFile } from '../../src/load/source.js';
import { buildWorkbook, workbookParts } from '../../src/export/xlsx/index.js';
import { loadSample } from '../export/helpers.js';

/** Run `fn` with environment variable `name` set to `value`, restored afterwards (test files share the process). */
async function withEnv<T>(name: string, value: string, fn: () => T | Promise<T>): Promise<T> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

/**
 * Each dual path kept for speed has a switch that runs its plain path (src/util/switches.ts;
 * gains in bench/RESULTS.md). Whole commands, run both ways, must give the same output: the
 * differential test of the switches themselves (the paths also have their own in-process ones).
 */
describe('fast-path switches take effect', () => {
  it('a switch is on unless it is 0', async () => {
    expect(fastPathOn('yaml')).toBe(true);
    expect(await withEnv('HRSS_STD_YAML_FAST', '1', () => fastPathOn('yaml'))).toBe(true);
    expect(await withEnv('HRSS_STD_YAML_FAST', '0', () => fastPathOn('yaml'))).toBe(false);
  });

  it('HRSS_STD_YAML_FAST=0 parses with js-yaml: no fast-path position records', async () => {
    const text = 'id: t\ntitle: 测试\nsubsystems:\n  - code: "100"\n    title: 基础\n';
    const limits = { maxAliases: 1000, maxDepth: 1000 };
    const file = (): SourceFile => ({ abs: '/t/system.yaml', display: 'system.yaml', text });
    // recLength: the flat records only the fast path writes (load/positions.ts)
    const records = (f: SourceFile) => (f.positions as unknown as { recLength: number }).recLength;
    const fast = file();
    const plain = file();
    expect(parseYaml(fast, limits)).toEqual(await withEnv('HRSS_STD_YAML_FAST', '0', () => parseYaml(plain, limits)));
    expect(records(fast)).toBeGreaterThan(0);
    expect(records(plain)).toBe(0);
  });

  it('HRSS_STD_XLSX_RAW_ROWS=0 writes through exceljs writeBuffer (its zip has folder entries)', async () => {
    const { model } = loadSample();
    const fast = await workbookParts(buildWorkbook(model));
    const plain = await withEnv('HRSS_STD_XLSX_RAW_ROWS', '0', () => workbookParts(buildWorkbook(model)));
    expect(Object.keys(fast)).not.toContain('xl/');
    expect(Object.keys(plain)).toContain('xl/');
  });
});

describe('fast-path switches: the plain path gives the same output', () => {
  it('HRSS_STD_YAML_FAST=0 and HRSS_STD_DATA_JSON=0: validate -f json of the sample and of every bad-input case', () => {
    const dirs = [ROOT, ...corpusCases().map(copyCase)];
    const args = ['validate', '-f', 'json', '--lang', 'en'];
    const fast = runCliMany(dirs.map((cwd) => ({ args, cwd })));
    for (const name of ['yaml', 'dataJson'] as const) {
      const plain = runCliMany(dirs.map((cwd) => ({ args, cwd, env: { [FAST_PATH_SWITCHES[name]]: '0' } })));
      plain.forEach((r, i) => {
        expect(r, `${FAST_PATH_SWITCHES[name]}=0 in ${dirs[i]}`).toEqual(fast[i]);
      });
    }
    // the comparison is about something: the sample has findings, and the cases exit 0, 1 and 2
    expect(fast[0]!.stdout).toContain('"rule": "review-due"');
    expect(new Set(fast.map((r) => r.code))).toEqual(new Set([0, 1, 2]));
  });

  it('HRSS_STD_YAML_FAST=0 sends files the fast path reads to js-yaml: a CRLF and a flow-style file, same findings and places', () => {
    const dir = tempTree({
      'systems/t/system.yaml': 'id: t\r\ntitle: 测试体系\r\nsubsystems:\r\n  - code: "100"\r\n    title: 基础\r\n    standards:\r\n      - { code: "100-01", number: GB/T 33528—2017, title: 公共就业服务 术语 }\r\n      - code: "100-02"\r\n        number: "GB/T 33534-2017"\r\n        title: 失业登记管理服务规范\r\n        level: local\r\n',
    });
    const fast = runCli(['validate', '-f', 'json'], { cwd: dir });
    const plain = runCli(['validate', '-f', 'json'], { cwd: dir, env: { HRSS_STD_YAML_FAST: '0' } });
    expect(plain).toEqual(fast);
    expect(fast.stdout).toContain('"rule": "number-canonical"');
    expect(fast.stdout).toContain('"line": 11');
  });

  it('HRSS_STD_XLSX_RAW_ROWS=0: the sample workbook has the same bytes', async () => {
    const shared = await sampleExport();
    expect(shared.code, shared.stderr).toBe(0);
    const dir = tempTree({});
    const r = runCli(['export', SAMPLE, '--xlsx', '-o', dir], { env: { TZ: 'Asia/Shanghai', HRSS_STD_XLSX_RAW_ROWS: '0' } });
    expect(r.code, r.stderr).toBe(0);
    const plain = readFileSync(path.join(dir, 'zhanjiang.xlsx'));
    const fast = readFileSync(path.join(shared.dir, 'zhanjiang.xlsx'));
    expect(plain.length).toBeGreaterThan(10_000);
    expect(plain.equals(fast), 'the workbook differs with HRSS_STD_XLSX_RAW_ROWS=0').toBe(true);
  });
});
