import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapServices, parseHeading, codeNestsUnder } from '../../src/authoring/import/table.js';
import { mapDate, mapLevel, mapNumber, mapStatus } from '../../src/authoring/import/values.js';
import { runCli, tempTree } from '../helpers.js';
import { officeWorkbook } from './office-workbook.js';

describe('cell mapping', () => {
  it('maps the spellings offices use', () => {
    expect(mapNumber('ＧＢ／Ｔ　３３５２８－２０１７')).toEqual({ number: 'GB/T 33528-2017', ok: true });
    expect(mapNumber('GB/T 19001-2016/ISO 9001:2015').number).toBe('GB/T 19001-2016/ISO 9001:2015');
    expect(mapLevel('国标')).toBe('national');
    expect(mapLevel('地方标准')).toBe('local');
    expect(mapLevel('省标')).toBeUndefined();
    expect(mapStatus('现行有效')).toBe('current');
    expect(mapStatus('待制定')).toBe('planned');
    expect(mapDate('2015年6月2日')).toBe('2015-06-02');
    expect(mapDate('2022/7/18')).toBe('2022-07-18');
    expect(mapDate('2017.09.01')).toBe('2017-09-01');
    expect(mapDate(new Date(Date.UTC(2017, 1, 28)))).toBe('2017-02-28');
    expect(mapDate(42795)).toBe('2017-03-01');
    expect(mapDate('2021-02-30')).toBeUndefined();
  });

  it('reads headings and their nesting', () => {
    expect(parseHeading('101 术语与缩略语标准')).toEqual({ code: '101', title: '术语与缩略语标准', rank: undefined });
    // headings keep their whole text; only a structure code is split off
    expect(parseHeading('一、基础通用标准体系')).toEqual({ title: '一、基础通用标准体系', rank: 1 });
    expect(parseHeading('（二）符号与标志标准')).toEqual({ title: '（二）符号与标志标准', rank: 2 });
    expect(parseHeading('一、101 术语标准')).toEqual({ code: '101', title: '术语标准', rank: 1 });
    expect(parseHeading('（一）2024 年新发布')).toEqual({ title: '（一）2024 年新发布', rank: 2 });
    expect(parseHeading('2024年新发布')).toEqual({ title: '2024年新发布', rank: undefined });
    expect(codeNestsUnder('101', '100')).toBe(true);
    expect(codeNestsUnder('200', '100')).toBe(false);
    expect(codeNestsUnder('101-1', '101')).toBe(true);
    expect(codeNestsUnder('102', '101')).toBe(false);
  });

  it('reads service cells as ids, "id name" pairs or names', () => {
    const opts = { serviceIds: new Set(['P03-01', 'P15']), serviceNames: new Map([['就业信息服务', 'P03-01']]) };
    expect(mapServices('P03-01 就业信息服务；P15', opts)).toEqual({ ids: ['P03-01', 'P15'], unknown: [] });
    expect(mapServices('就业信息服务、不存在的事项', opts)).toEqual({ ids: ['P03-01'], unknown: ['不存在的事项'] });
    // names keep their full-width punctuation; "、" inside a name does not split it
    const named = { serviceIds: new Set(['P06-02', 'P06-07']), serviceNames: new Map([['提供政审（考察）服务', 'P06-02'], ['档案材料的收集、鉴别和归档', 'P06-07']]) };
    expect(mapServices('提供政审（考察）服务\n档案材料的收集、鉴别和归档', named)).toEqual({ ids: ['P06-02', 'P06-07'], unknown: [] });
    expect(mapServices('Ｐ06-02；P06-07 档案材料的收集、鉴别和归档', named)).toEqual({ ids: ['P06-02', 'P06-07'], unknown: [] });
  });
});

describe('hrss-std import (hand-made office table)', () => {
  it('imports into a valid system and reports the cells it could not map', async () => {
    const dir = tempTree({});
    await officeWorkbook(path.join(dir, '明细表.xlsx'));
    const r = runCli(['import', '明细表.xlsx', '-o', 'systems/demo/'], { cwd: dir });
    expect(r.code).toBe(1); // imported, with unmapped cells
    expect(r.stderr.split('\n').slice(0, 6)).toEqual([
      '标准体系明细表!L3: 无法识别的列 “联系人”，该列未导入',
      '标准体系明细表!F8: 无法识别的级别 “省标”',
      '标准体系明细表!A11: 跳过的说明行 “注：级别按 GB/T 13016 填写。”',
      '已导入 6 条标准、5 个子体系 → systems/demo/system.yaml；3 处无法识别（见上）',
      '下一步：hrss-std validate',
      '读取 7 行，写出 6 条标准、5 个子体系，报告 3 处单元格',
    ]);
    const yaml = readFileSync(path.join(dir, 'systems/demo/system.yaml'), 'utf8');
    expect(yaml).toBe([
      '# yaml-language-server: $schema=../../node_modules/hrss-std/schemas/system.schema.json',
      '# 由 hrss-std import 从 明细表.xlsx（工作表 标准体系明细表）导入',
      'id: demo',
      'title: 某市人力资源和社会保障领域公共服务标准体系明细表',
      'catalog: hrss-basic',
      'subsystems:',
      '  - code: "100"',
      '    title: 基础通用标准体系',
      '    subsystems:',
      '      - code: "101"',
      '        title: 术语与缩略语标准',
      '        standards:',
      '          - number: GB/T 33528-2017',
      '            title: 公共就业服务 术语',
      '            level: national',
      '            status: current',
      '            published: "2017-02-28"',
      '            effective: "2017-09-01"',
      '          - number: GB/T 31596.1-2015',
      '            title: 社会保险术语 第1部分：通用',
      '            level: national',
      '            status: current',
      '            published: "2015-06-02"',
      '            effective: "2016-01-01"',
      '          - number: GB/T 40550-2021',
      '            title: 劳动人事争议仲裁术语',
      '            level: national',
      '            status: current',
      '            published: "2021-08-20"',
      '            effective: "2022-09-01"',
      '  - code: "300"',
      '    title: 社会保险服务标准体系',
      '    subsystems:',
      '      - code: "301"',
      '        title: 社会保险通用标准',
      '        standards:',
      '          - number: LD/T 05-2022',
      '            title: 社会保险经办内部控制规范',
      '            level: industry',
      '            status: current',
      '            published: "2022-07-18"',
      '            effective: "2022-08-01"',
      '            services: [P15-01]',
      '          - number: LD/T 01-2020',
      '            title: 社会保险网上经办服务指南',
      '            status: current',
      '            note: 来源未报告现行状态，待核。',
      '      - code: "302"',
      '        title: 社会保险经办服务标准',
      '        standards:',
      '          - title: 某市社会保险经办服务规范',
      '            level: local',
      '            status: planned',
      '            note: 计划 2026 年立项',
      '',
    ].join('\n'));
    const v = runCli(['validate', '-f', 'json'], { cwd: dir });
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
  });

  it('reads banner heading rows ("一、…" merged across the table) and 体系编号 columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['序号', '体系编号', '标准编号', '标准名称', '级别', '状态'];
    const put = (r: number, v: (string | number | null)[]) => { ws.getRow(r).values = v; };
    put(2, ['一、101 术语与缩略语标准']);
    ws.mergeCells('A2:F2');
    put(3, [1, '101-01', 'GB/T 33528-2017', '公共就业服务 术语', '国家标准', '现行']);
    put(4, ['二、102 符号与标志标准']);
    ws.mergeCells('A4:F4');
    put(5, [3, '102-01', null, '人社服务场所标识规范', '地方标准', '拟制定']);
    put(6, [4, '102-02', 'GB/T 40550-2021', '劳动人事争议仲裁术语', '国标', '作废了']);
    const dir = tempTree({});
    await wb.xlsx.writeFile(path.join(dir, 'x.xlsx'));
    const r = runCli(['import', 'x.xlsx', '--id', 'b', '--title', '测试体系', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toContain('Sheet1!F6: unrecognised status "作废了"');
    expect(r.stdout).toContain([
      'subsystems:',
      '  - code: "101"',
      '    title: 术语与缩略语标准',
      '    standards:',
      '      - code: "101-01"',
      '        number: GB/T 33528-2017',
      '        title: 公共就业服务 术语',
      '        level: national',
      '        status: current',
      '  - code: "102"',
      '    title: 符号与标志标准',
      '    standards:',
      '      - code: "102-01"',
      '        title: 人社服务场所标识规范',
      '        level: local',
      '        status: planned',
      '      - code: "102-02"',
    ].join('\n'));
  });

  it('refuses to overwrite, and explains a missing sheet', async () => {
    const dir = tempTree({ 'systems/demo/system.yaml': 'id: demo\ntitle: x\n' });
    await officeWorkbook(path.join(dir, 'a.xlsx'));
    const r = runCli(['import', 'a.xlsx', '-o', 'systems/demo'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('systems/demo/system.yaml 已存在，未覆盖');
    expect(readFileSync(path.join(dir, 'systems/demo/system.yaml'), 'utf8')).toBe('id: demo\ntitle: x\n');
    const s = runCli(['import', 'a.xlsx', '--sheet', '没有这张表'], { cwd: dir });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('工作簿中没有名为 “没有这张表” 的工作表');
    expect(s.stderr).toContain('封面、标准体系明细表');
    expect(runCli(['import', 'missing.xlsx'], { cwd: dir }).code).toBe(2);
  });
});
