import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

describe('hrss-std catalog list / show', () => {
  it('says plainly what the built-in catalog holds and that it is not the official 116-item list', () => {
    const r = runCli(['catalog']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^服务事项目录：hrss-basic《人力资源社会保障基本公共服务项目与事项（重建稿，非官方116项清单）》/);
    expect(r.stdout).toContain('收录 18 个服务项目、76 个服务事项；3 个项目未列事项，各按 1 项计；计入统计 79 项。');
    expect(r.stdout).toContain('官方清单应有 116 个服务事项，本目录只有 76 个，不是官方清单');
    expect(r.stdout).toContain('事项可信度：partial 76。');
    // every item with its confidence and source
    expect(r.stdout).toMatch(/P13-01\s+失业保险金申领\s+partial（部分核实）\s+来源：湛江指南编制说明 6\.5\.3 失业保险服务标准/);
    expect(r.stdout).toContain('P07  就业见习服务  〔领域：劳有所得（推断）〕');
    expect(r.stdout).toContain('（未列事项：覆盖分析中按 1 项计，标准的 services 写项目 id P07 即可）');
    expect(r.stdout).toContain('不属任何项目的事项（列出，不计入覆盖统计）');
    expect(runCli(['catalog', 'list']).stdout).toBe(r.stdout);
  });

  it('json keeps every id and the counts recounted from the file', () => {
    const r = runCli(['catalog', 'list', '-f', 'json']);
    const c = JSON.parse(r.stdout) as { counts: Record<string, number>; projects: { id: string; items: { id: string; source: string | null }[] }[]; unassignedItems: unknown[] };
    expect(c.counts).toMatchObject({ projects: 18, items: 76, projectsWithoutItems: 3, counted: 79, unassigned: 12, officialExpected: 116 });
    expect(c.projects.map((p) => p.id)).toEqual(Array.from({ length: 18 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    expect(c.projects.flatMap((p) => p.items).every((i) => i.source)).toBe(true);
    expect(c.unassignedItems).toHaveLength(12);
  });

  it('show: an item with its project, also links, source and confidence', () => {
    const r = runCli(['catalog', 'show', 'P15-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('P15-01  社会保险登记');
    expect(r.stdout).toMatch(/所属项目\s+P15 职工基本养老保险（领域：老有所养）/);
    expect(r.stdout).toMatch(/亦服务项目（also）\s+P16 城乡居民基本养老保险、P13 失业保险、P14 工伤保险/);
    expect(r.stdout).toMatch(/可信度\s+partial（部分核实）/);
  });

  it('show: a project without items, and the items elsewhere that also serve it', () => {
    const r = runCli(['catalog', 'show', 'P07']);
    expect(r.stdout).toMatch(/事项\s+未列事项（覆盖分析中按 1 项计）/);
    expect(r.stdout).toMatch(/P04-04\s+高校毕业生就业服务标准/);
  });

  it('show: an unknown id is a usage error with similar ids', () => {
    const r = runCli(['catalog', 'show', 'P15-99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('目录 hrss-basic 中没有 “P15-99”');
    expect(r.stderr).toContain('P15-01');
  });

  it('uses the catalog the repository names, and --catalog', () => {
    const fix = path.join(ROOT, 'tests/fixtures/gaps/basic');
    const r = runCli(['catalog', 'list'], { cwd: fix });
    expect(r.stdout).toMatch(/^服务事项目录：gaps-test/);
    expect(runCli(['catalog', '--catalog', 'test.catalog.yaml'], { cwd: fix }).stdout).toBe(r.stdout);
    const bad = runCli(['catalog', '--catalog', 'nope.yaml'], { cwd: tempTree({}) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法使用服务事项目录 “nope.yaml”');
  });
});
