import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { mapNumber, mapStatus } from '../../src/authoring/import/values.js';
import { runCli, tempTree } from '../helpers.js';

/*
 * Hand-made workbooks modelled on published 标准明细表 (a title banner, 序号, number cells left
 * blank or holding 待制定/—, headings numbered （一） with a year in them, draft statuses).
 * Every standard row is real (numbers and titles from /work/shared/data/known-standards.yaml):
 *   GB/T 33528-2017 公共就业服务 术语           — known-standards.yaml (bzxz.net / openstd)
 *   LD/T 3001-2023 网络招聘服务规范             — https://m.aqrzj.com/docdown/335619.html
 *   LD/T 33-2015 社会保障卡读写终端规范          — http://bzfxw.com/BZGG/14697.html
 *   LD/T 05-2022 社会保险经办内部控制规范         — https://www.gbstd.com/en-us/view/8142110023000000.html
 *   LD/T 01-2020 社会保险网上经办服务指南         — https://m.bzxz.net/bzxz/169348.html
 * The number-less rows are those same standards as a list shows them before their number is known.
 */
async function write(dir: string, name: string, build: (ws: ExcelJS.Worksheet) => void, sheet = '明细表'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(sheet));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const countLine = (stderr: string) => stderr.trim().split('\n').at(-1);

describe('import of real-looking lists (issue 12)', () => {
  it('keeps number-less rows as standards, headings with years whole, drafts as drafting, the title uncut', async () => {
    const dir = tempTree({});
    await write(dir, 'list.xlsx', (ws) => {
      ws.getCell('A1').value = '人力资源和社会保障领域国家标准明细表';
      ws.mergeCells('A1:E1');
      ws.getRow(2).values = ['序号', '标准编号', '标准名称', '级别', '状态'];
      ws.getRow(3).values = [null, null, '（一）2024 年新发布'];
      ws.getRow(4).values = [1, 'GB/T 33528-2017', '公共就业服务 术语', '国家标准', '现行'];
      ws.getRow(5).values = [2, '待制定', '网络招聘服务规范', '行业标准', null];
      ws.getRow(6).values = [3, '—', '社会保障卡读写终端规范', '行业标准', null];
      ws.getRow(7).values = [4, 'LD/T 05-2022', '社会保险经办内部控制规范', '行业标准', '征求意见稿'];
      ws.getRow(8).values = [5, 'LD/T 01-2020', '社会保险网上经办服务指南', '行业标准', '暂缓'];
    });
    const r = runCli(['import', 'list.xlsx', '-o', 'systems/x/'], { cwd: dir });
    expect(r.code).toBe(1);
    const reported = r.stderr.split('\n').filter((l) => l.startsWith('明细表'));
    expect(reported).toEqual([
      '明细表!B5: 没有标准编号（原文 “待制定”，记入备注），状态按原文记为 planned',
      '明细表!B6: 没有标准编号，也没有状态：按格式将视为待制定，请核对',
      '明细表!E8: 无法识别的状态 “暂缓”（原文写入 status 与备注，validate 会报错，请改为合法状态）',
      '明细表: 子体系 “（一）2024 年新发布” 没有编号，已编为 “100”',
    ]);
    expect(countLine(r.stderr)).toBe('读取 6 行，写出 5 条标准、1 个子体系，报告 4 处单元格');
    const yaml = readFileSync(path.join(dir, 'systems/x/system.yaml'), 'utf8');
    expect(yaml).toContain('title: 人力资源和社会保障领域国家标准明细表\n');
    expect(yaml).toContain('  - code: "100"\n    title: （一）2024 年新发布\n    standards:\n');
    expect(yaml).toContain('      - title: 网络招聘服务规范\n        level: industry\n        status: planned\n        note: 标准编号栏：待制定\n');
    expect(yaml).toContain('      - title: 社会保障卡读写终端规范\n        level: industry\n');
    expect(yaml).toContain('      - number: LD/T 05-2022\n        title: 社会保险经办内部控制规范\n        level: industry\n        status: drafting\n');
    expect(yaml).toContain('        status: 暂缓\n        note: 状态栏：暂缓\n');
    // all five rows sit under the one heading: none was turned into a heading, none re-parented
    expect(yaml.match(/^ {6}- /gm)).toHaveLength(5);
    expect(yaml).not.toMatch(/^standards:/m);
    // the unmapped status is never counted as 现行: validate refuses it until someone chooses
    const v = runCli(['validate', 'systems/x', '-f', 'json'], { cwd: dir });
    expect(v.code).not.toBe(0);
    expect(v.stdout).toContain('暂缓');
  });

  it('reads the 编号 / 类别 / 中文名称 header family, and lists the headers it saw when it cannot', async () => {
    const dir = tempTree({});
    await write(dir, 'codes.xlsx', (ws) => {
      ws.getRow(1).values = ['序号', '编号', '类别', '中文名称', '被代替标准号'];
      ws.getRow(2).values = [1, 'GB/T 33528-2017', '国家标准', '公共就业服务 术语', null];
      ws.getRow(3).values = [2, 'LD/T 05-2022', '行业标准', '社会保险经办内部控制规范', null];
    });
    const r = runCli(['import', 'codes.xlsx', '-o', 'systems/c/'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(countLine(r.stderr)).toBe('读取 2 行，写出 2 条标准、0 个子体系，报告 0 处单元格');
    const yaml = readFileSync(path.join(dir, 'systems/c/system.yaml'), 'utf8');
    expect(yaml).toContain('  - number: GB/T 33528-2017\n    title: 公共就业服务 术语\n    level: national\n');
    expect(yaml).toContain('  - number: LD/T 05-2022\n    title: 社会保险经办内部控制规范\n    level: industry\n');

    await write(dir, 'odd.xlsx', (ws) => {
      ws.getRow(1).values = ['甲', '乙', '丙'];
      ws.getRow(2).values = ['GB/T 33528-2017', '公共就业服务 术语', '现行'];
    });
    const bad = runCli(['import', 'odd.xlsx'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('看到的表头 “甲” “乙” “丙”；需要 标准名称/名称/标准名 + 另两列');
    expect(bad.stderr).not.toContain('    at ');
  });

  it('does not rewrite numbers into other standards, and lets a newcomer go on to validate and gaps', async () => {
    // RB/T 214-2017 检验检测机构资质认定能力评价 检验检测机构通用要求 (CNCA, 2017); issue 12 saw it
    // written "RBT 2142017" and rewritten to "RB/T 2142017". LD66-94: the two-digit year seen in issue 12.
    expect(mapNumber('RBT 2142017')).toEqual({ number: 'RBT 2142017', ok: false, suspect: 'year-run-in' });
    expect(mapNumber('LD66-94')).toMatchObject({ number: 'LD66-94', suspect: 'two-digit-year' });
    expect(mapNumber('GBT 40550-2021')).toEqual({ number: 'GB/T 40550-2021', ok: true });
    expect(mapStatus('报批稿')).toBe('drafting');
    expect(mapStatus('送审稿')).toBe('drafting');
    const dir = tempTree({});
    await write(dir, 'x.xlsx', (ws) => {
      ws.getRow(1).values = ['序号', '标准编号', '标准名称', '级别'];
      ws.getRow(2).values = [1, 'RBT 2142017', '检验检测机构资质认定能力评价 检验检测机构通用要求', '行业标准'];
      ws.getRow(3).values = [2, 'GB/T 33528-2017', '公共就业服务 术语', '国家标准'];
    });
    const r = runCli(['import', 'x.xlsx', '-o', 'systems/x/'], { cwd: dir });
    expect(r.stderr).toContain('明细表!B2: 标准编号 “RBT 2142017” 的顺序号与年号似乎连在一起，原样保留，请核对');
    const yaml = readFileSync(path.join(dir, 'systems/x/system.yaml'), 'utf8');
    expect(yaml).toContain('number: RBT 2142017\n');
    expect(yaml).toContain('catalog: hrss-basic\n');
    expect(runCli(['gaps', 'systems/x'], { cwd: dir }).code).not.toBe(2);
  });
});

describe('import of hostile workbooks (issue 17)', () => {
  it('strips control characters by cell and keeps file names out of YAML keys', async () => {
    const dir = tempTree({});
    const file = await write(dir, 'a\nid: evil\n.xlsx', (ws) => {
      ws.getRow(1).values = ['序号', '标准编号', '标准名称', '级别'];
      ws.getRow(2).values = [1, 'GB/T 33528-2017', '公共就业服务BEL 术语ESC[31m', '国家标准'];
    });
    // Excel writes control characters as _xHHHH_ escapes (exceljs drops them on write, so patch the part)
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = 'xl/sharedStrings.xml';
    zip.file(part, (await zip.file(part)!.async('string')).replace('BEL', '_x0007_').replace('ESC', '_x001B_'));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = runCli(['import', 'a\nid: evil\n.xlsx', '-o', 'systems/h/'], { cwd: dir });
    expect(r.stderr).toContain('明细表!C2: 删除了 2 个控制字符');
    const yaml = readFileSync(path.join(dir, 'systems/h/system.yaml'), 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(yaml).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(yaml).not.toMatch(/^id: evil/m);
    expect(yaml).toContain('title: 公共就业服务 术语[31m\n');
  });

  it('refuses a FIFO instead of hanging', () => {
    const dir = tempTree({});
    execFileSync('mkfifo', [path.join(dir, 'pipe.xlsx')]);
    const r = runCli(['import', 'pipe.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件，未读取');
  });
});
