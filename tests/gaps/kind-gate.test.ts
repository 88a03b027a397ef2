import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

/** Items of the bundled catalog that have an in-force 服务指南 and 操作规程 row, recounted from the YAML text. */
function recountComplete(): { complete: number; items: number } {
  const rows: any[] = [];
  const walk = (n: any) => {
    for (const s of n.standards ?? []) rows.push(s);
    if (n.include) walk(yaml.load(readFileSync(path.join(ROOT, 'systems/zhanjiang', n.include), 'utf8')));
    for (const c of n.subsystems ?? []) walk(c);
  };
  walk(yaml.load(readFileSync(path.join(ROOT, 'systems/zhanjiang/system.yaml'), 'utf8')));
  const cat = yaml.load(readFileSync(path.join(ROOT, 'data/hrss-basic.catalog.yaml'), 'utf8')) as any;
  const inForce = (r: any) => ['current', 'upcoming', '现行', '即将实施'].includes(r.status ?? (r.number ? 'current' : 'planned'));
  let complete = 0;
  let items = 0;
  for (const p of cat.projects) for (const i of p.items?.length ? p.items : [{ id: p.id }]) {
    items++;
    const names = [i.id, p.id, ...(i.also ?? [])];
    const serving = rows.filter((r) => inForce(r) && (r.services ?? []).some((s: string) => names.includes(s)));
    const has = (end: string) => serving.some((r) => String(r.title).trim().endsWith(end));
    if (has('服务指南') && has('操作规程')) complete++;
  }
  return { complete, items };
}

describe('gaps --min-kind-coverage', () => {
  const sample = 'systems/zhanjiang/system.yaml';
  it('leaves stdout byte-identical, reports the figure on stderr and gates the exit code', () => {
    const plain = runCli(['gaps', sample]);
    const { complete, items } = recountComplete();
    const pct = Math.floor((2000 * complete + items) / (2 * items)) / 10;
    const pass = runCli(['gaps', sample, '--min-kind-coverage', String(pct)]);
    expect(pass.stdout).toBe(plain.stdout);
    expect(pass.code).toBe(plain.code);
    expect(pass.stderr).toContain(`✓ ${sample}：文件类型齐全率 ${pct.toFixed(1)}%（${complete}/${items} 个事项都有现行的服务指南、操作规程）`);
    const fail = runCli(['gaps', sample, '--min-kind-coverage', String(pct + 0.1)]);
    expect(fail.stdout).toBe(plain.stdout);
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('✗ ');
  });

  it('passes on a system where every item has both kinds, and rejects a bad threshold with exit 2', () => {
    const dir = tempTree({
      'kt.catalog.yaml': 'id: kt\ntitle: 测试目录（测试用）\nprojects:\n  - id: K\n    name: 测试项目\n    items:\n      - { id: K-01, name: 事项一 }\n',
      'systems/t/system.yaml': 'id: t\ntitle: T\nframework: none\ncatalog: ../../kt.catalog.yaml\nstandards:\n'
        + '  - { title: 事项一服务指南, status: current, services: [K-01] }\n'
        + '  - { title: 事项一经办, kind: procedure, status: current, services: [K-01] }\n',
    });
    const ok = runCli(['gaps', '--min-kind-coverage', '100'], { cwd: dir });
    expect(ok.stderr).toContain('✓ systems/t/system.yaml：文件类型齐全率 100.0%（1/1 个事项');
    expect(ok.code).toBe(0);
    expect(runCli(['gaps', '--min-kind-coverage', 'x'], { cwd: dir }).code).toBe(2);
  });
});
