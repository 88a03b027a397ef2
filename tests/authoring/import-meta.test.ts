import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

type Gaps = { systems: { catalog: { id: string }; totals: unknown; items: { id: string; state: string }[] }[] };
const gaps = (args: string[], cwd: string): Gaps => JSON.parse(runCli(['gaps', ...args, '-f', 'json'], { cwd }).stdout) as Gaps;

/** What an exported workbook's hidden _hrss_std sheet says about its system comes back on import. */
describe('import of an exported workbook restores the system\'s catalog, framework and region', () => {
  it('a system with its own catalog keeps every service mapping: gaps after the round trip equals gaps before', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-import-meta-'));
    cpSync(path.join(ROOT, 'tests/fixtures/gaps/basic'), dir, { recursive: true });
    expect(runCli(['export', 'systems/city-b', '--xlsx', 'cb.xlsx'], { cwd: dir }).code).toBe(0);
    const r = runCli(['import', 'cb.xlsx', '-o', 'systems/again/'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const doc = yaml.load(readFileSync(path.join(dir, 'systems/again/system.yaml'), 'utf8')) as Record<string, unknown>;
    expect(doc.catalog).toBe('../../test.catalog.yaml');
    const before = gaps(['systems/city-b'], dir).systems[0]!;
    const after = gaps(['systems/again'], dir).systems[0]!;
    expect(after.catalog.id).toBe('gaps-test');
    expect(after.totals).toEqual(before.totals);
    expect(after.items.map((i) => [i.id, i.state])).toEqual(before.items.map((i) => [i.id, i.state]));
  });

  it('the sample comes back with its framework and region', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-import-meta-'));
    expect(runCli(['export', path.join(ROOT, 'systems/zhanjiang'), '--xlsx', path.join(dir, 'z.xlsx')]).code).toBe(0);
    expect(runCli(['import', 'z.xlsx', '-o', 'systems/z/'], { cwd: dir }).code).toBe(0);
    const doc = yaml.load(readFileSync(path.join(dir, 'systems/z/system.yaml'), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({ framework: 'zhanjiang-7', region: { name: '湛江市', code: '440800' }, catalog: 'hrss-basic' });
  });

  it('a recorded catalog file that is not there is named, and the default is used instead', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'hrss-std-import-meta-'));
    cpSync(path.join(ROOT, 'tests/fixtures/gaps/basic'), src, { recursive: true });
    expect(runCli(['export', 'systems/city-b', '--xlsx', 'cb.xlsx'], { cwd: src }).code).toBe(0);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'hrss-std-import-meta-'));
    cpSync(path.join(src, 'cb.xlsx'), path.join(elsewhere, 'cb.xlsx'));
    const r = runCli(['import', 'cb.xlsx', '-o', 'systems/x/'], { cwd: elsewhere });
    // exit 1: the test catalog's service ids are not in the built-in catalog, and each such cell is reported
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('工作簿记录的服务事项目录 “../../test.catalog.yaml” 在新体系文件旁和当前目录都找不到，改用 hrss-basic');
    expect((yaml.load(readFileSync(path.join(elsewhere, 'systems/x/system.yaml'), 'utf8')) as Record<string, unknown>).catalog).toBe('hrss-basic');
  });
});
