import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// two systems measured against one catalog (the gaps matrix fixture); demo has one planted
// error (an unknown service id), so the export needs --force
const SYSTEMS = path.join(ROOT, 'tests/fixtures/gaps/basic/systems');
const out = mkdtempSync(path.join(tmpdir(), 'hrss-std-province-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

describe('export --html of several systems (a province site)', () => {
  it('refuses while a system has errors, naming only that system', () => {
    const r = runCli(['export', '--html', path.join(out, 'refused'), SYSTEMS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('体系 tests/fixtures/gaps/basic/systems/demo/system.yaml 有 1 个校验错误');
    expect(r.stderr).not.toContain('city-b/system.yaml 有');
    expect(existsSync(path.join(out, 'refused'))).toBe(false);
  });

  it('writes an index with every system and the item × system matrix that gaps reports, and a folder per system', () => {
    const site = path.join(out, 'site');
    const r = runCli(['export', '--html', site, '--force', SYSTEMS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 个体系');
    const index = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('标准体系一览（2 个体系）');
    const gaps = JSON.parse(runCli(['gaps', SYSTEMS, '-f', 'json']).stdout) as { matrix: { systems: string[]; counted: number; coveredEverywhere: number; coveredNowhere: number; items: { id: string; states: string[] }[] }[] };
    const m = gaps.matrix[0]!;
    expect(index).toContain(`计入统计的 ${m.counted} 项中：每个体系都已覆盖 ${m.coveredEverywhere} 项；没有任何体系覆盖 ${m.coveredNowhere} 项。`);
    const label: Record<string, string> = { covered: '已覆盖', planned: '仅有规划', lapsed: '仅有失效标准', uncovered: '未覆盖' };
    for (const item of m.items) {
      const row = new RegExp(`<tr><th scope="row">${item.id}</th>.*?</tr>`).exec(index)![0];
      const states = [...row.matchAll(/<td class="state-cell"><a href="([^"]+)">. ([^<]+)<\/a><\/td>/g)];
      expect(states.map((s) => s[2]), item.id).toEqual(item.states.map((s) => label[s]));
      // each cell opens that system's page of the item
      expect(states.map((s) => s[1]!.split('/')[0]), item.id).toEqual(m.systems);
    }
    // every internal link of every page resolves inside the site, including the way back to the index
    const files = new Set(allFiles(site));
    for (const f of files) {
      if (!f.endsWith('.html')) continue;
      const text = readFileSync(path.join(site, f), 'utf8');
      for (const [, href] of text.matchAll(/(?:href|src)="([^"#]*)[^"]*"/g)) {
        if (!href || href.startsWith('data:')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), href));
        expect(files.has(target), `${f} → ${href}`).toBe(true);
      }
    }
    expect(readFileSync(path.join(site, 'demo/items/A-01.html'), 'utf8')).toContain('href="../../index.html"');
  });

  it('is the same bytes on a second run', () => {
    const again = path.join(out, 'again');
    expect(runCli(['export', '--html', again, '--force', SYSTEMS]).code).toBe(0);
    const a = allFiles(path.join(out, 'site')).sort();
    expect(allFiles(again).sort()).toEqual(a);
    for (const f of a) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, 'site', f))), f).toBe(true);
  });

  it('with --assess gives every system its 体系评价 page', () => {
    const site = path.join(out, 'assessed');
    expect(runCli(['export', '--html', site, '--force', '--assess', '--date', '2026-12-04', SYSTEMS]).code).toBe(0);
    for (const id of ['demo', 'city-b']) expect(readFileSync(path.join(site, id, 'assess.html'), 'utf8'), id).toContain('<h1>标准体系评价</h1>');
  });

  it('still exports one system at a time to .xlsx/.docx', () => {
    const r = runCli(['export', '--xlsx', '-o', path.join(out, 'x'), '--force', SYSTEMS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('一次导出一个');
  });
});
