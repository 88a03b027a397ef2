import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';
import { buildCsv, buildXlsx, encodeGbk } from './sheets.js';

const EXPECTED = yaml.load(readFileSync(path.join(ROOT, 'tests/fixtures/gaps/import-expected.catalog.yaml'), 'utf8'));
/** The imported file's name appears in sources and notes; the expected catalog writes LIST instead. */
const normalise = (text: string) => yaml.load(text.replace(/hrss-list\.(csv|xlsx)(（工作表 清单）)?/g, 'LIST'));

let dir: string;
beforeAll(async () => {
  const csv = buildCsv();
  dir = tempTree({
    'hrss-list.xlsx': await buildXlsx(),
    'hrss-list.csv': csv,
    'bom/hrss-list.csv': '\ufeff' + csv,
    'gbk/hrss-list.csv': encodeGbk(csv),
  });
});

describe('hrss-std catalog import', () => {
  it('reads the messy .xlsx into the expected catalog and reports every skipped row by number', () => {
    const r = runCli(['catalog', 'import', 'hrss-list.xlsx'], { cwd: dir });
    expect(normalise(r.stdout)).toEqual(EXPECTED);
    // one row had no item: reported, and the exit code says so
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('读取 hrss-list.xlsx（工作表 “清单”），表头在第 2 行：');
    expect(r.stderr).toContain('“服务项目” → 服务项目');
    expect(r.stderr).toContain('“序 号” → 序号');
    expect(r.stderr).toContain('“备注” → 未使用');
    expect(r.stderr).toContain('跳过空行 2 行');
    expect(r.stderr).toContain('无法读取的行（未导入）（1）：\n  第 11 行：没有服务事项，无法导入：7 | 高校毕业生');
    expect(r.stderr).toContain('第 3 行：分组标题，作为其下项目的领域：劳有所得');
    expect(r.stderr).toContain('第 13 行：备注行，未导入：注：本表仅供测试。');
  });

  it('reads the same list saved as CSV (UTF-8, UTF-8 with BOM, GBK) into the same catalog', () => {
    for (const f of ['hrss-list.csv', 'bom/hrss-list.csv', 'gbk/hrss-list.csv']) {
      const r = runCli(['catalog', 'import', f], { cwd: dir });
      expect(normalise(r.stdout), f).toEqual(EXPECTED);
      expect(r.code, f).toBe(1);
      expect(r.stderr, f).toContain('第 11 行：没有服务事项');
    }
    expect(runCli(['catalog', 'import', 'gbk/hrss-list.csv'], { cwd: dir }).stderr).toContain('编码 gb18030');
  });

  it('writes atomically with -o, refuses to overwrite without --force, and the result works as a catalog', () => {
    writeFileSync(path.join(dir, 'exists.yaml'), 'keep me');
    const r = runCli(['catalog', 'import', 'hrss-list.xlsx', '-o', 'exists.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件已存在（加 --force 覆盖）');
    expect(readFileSync(path.join(dir, 'exists.yaml'), 'utf8')).toBe('keep me');
    expect(runCli(['catalog', 'import', 'hrss-list.xlsx', '-o', 'exists.yaml', '--force'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(path.join(dir, 'exists.yaml'), 'utf8')).toContain('id: hrss-list');

    const sys = tempTree({
      'list.catalog.yaml': readFileSync(path.join(dir, 'exists.yaml')),
      'systems/a/system.yaml': 'id: a\ntitle: 导入目录测试\ncatalog: ../../list.catalog.yaml\nsubsystems:\n  - code: "100"\n    title: x\n    standards:\n      - { number: GB/T 33534-2017, title: 失业登记管理服务规范, services: [P01-01, P03] }\n',
    });
    const g = runCli(['gaps', '-f', 'json'], { cwd: sys });
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout).systems[0].totals).toMatchObject({ items: 6, covered: 2, coveragePct: 33.3 });
  });

  it('creates a missing output folder and refuses a FIFO instead of hanging (issues 12, 17)', () => {
    const r = runCli(['catalog', 'import', 'hrss-list.xlsx', '-o', 'new-folder/deeper/x.catalog.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'new-folder/deeper/x.catalog.yaml'), 'utf8')).toContain('id: hrss-list');
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    const f = runCli(['catalog', 'import', 'pipe.csv'], { cwd: dir });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('不是普通文件，未读取');
  });

  it('--id, --title and --confirmed', () => {
    const r = runCli(['catalog', 'import', 'hrss-list.csv', '--id', 'guangdong', '--title', '广东省清单', '--confirmed'], { cwd: dir });
    const c = yaml.load(r.stdout) as { id: string; title: string; projects: { items: { confidence: string }[] }[] };
    expect(c.id).toBe('guangdong');
    expect(c.title).toBe('广东省清单');
    expect(c.projects.flatMap((p) => p.items.map((i) => i.confidence))).toEqual(Array(5).fill('confirmed'));
    expect(runCli(['catalog', 'import', 'hrss-list.csv', '--id', '中文'], { cwd: dir }).code).toBe(2);
  });

  it('fails with exit 2 for unsupported files and sheets without a header', () => {
    const d = tempTree({ 'a.xls': 'x', 'none.csv': 'a,b\n1,2\n', 'noproject.csv': '序号,服务事项\n1,失业登记\n' });
    const xls = runCli(['catalog', 'import', 'a.xls'], { cwd: d });
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('另存为 .xlsx');
    const none = runCli(['catalog', 'import', 'none.csv'], { cwd: d });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('前 10 行中找不到表头');
    const np = runCli(['catalog', 'import', 'noproject.csv'], { cwd: d });
    expect(np.code).toBe(2);
    expect(np.stderr).toContain('没有 “服务项目” 列');
    expect(runCli(['catalog', 'import', 'missing.csv'], { cwd: d }).code).toBe(2);
  });

  it('a list with id columns keeps its ids; a clean list exits 0', () => {
    const d = tempTree({ 'ids.csv': '项目编号,服务项目,事项编号,服务事项\nP13,失业保险,P13-01,失业保险金申领\n,,P13-04,失业保险关系转移接续申请\n' });
    const r = runCli(['catalog', 'import', 'ids.csv'], { cwd: d });
    expect(r.code).toBe(0);
    const c = yaml.load(r.stdout) as { projects: { id: string; items: { id: string; name: string }[] }[] };
    expect(c.projects.map((p) => [p.id, p.items.map((i) => i.id)])).toEqual([['P13', ['P13-01', 'P13-04']]]);
  });
});
