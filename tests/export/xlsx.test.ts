import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LABELS, COLUMN_IDS } from '../../src/export/columns.js';
import { LEVEL_KEY_LABELS } from '../../src/export/stats.js';
import { LEVEL_LABELS, STATUS_LABELS } from '../../src/model/types.js';
import { runCli } from '../helpers.js';
import { loadSample, SAMPLE } from './helpers.js';

const { model, coverage } = loadSample();
let wb: ExcelJS.Workbook;
let file: string;

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'hrss-std-xlsx-'));
  const r = runCli(['export', SAMPLE, '--xlsx', '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  file = path.join(out, 'zhanjiang.xlsx');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
});

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

describe('the exported workbook of the bundled sample', () => {
  it('has the five sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结构图', '明细表', '统计表', '覆盖情况', '说明', '_hrss_std']);
  });

  it('明细表: header row, every standard once in tree order, a group line per sub-system', () => {
    const ws = wb.getWorksheet('明细表')!;
    const header = COLUMN_IDS.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
    // a label wider than its column comes in lines broken between words, never one character alone
    expect(header.map((h) => h.replace(/\n/g, ''))).toEqual(COLUMN_IDS.map((id) => DEFAULT_COLUMN_LABELS[id]));
    expect(header).toContain('标准体系\n表编号');
    for (const h of header) for (const line of h.split('\n')) expect([...line].length, h).toBeGreaterThan(1);
    const col = (id: (typeof COLUMN_IDS)[number]) => COLUMN_IDS.indexOf(id) + 1;
    const rows: { seq: number; number: string; title: string; level: string; status: string }[] = [];
    const groups: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const seq = row.getCell(col('seq')).value;
      if (typeof seq === 'number') {
        rows.push({ seq, number: text(row.getCell(col('number')).value), title: text(row.getCell(col('title')).value), level: text(row.getCell(col('level')).value), status: text(row.getCell(col('status')).value) });
      } else if (row.getCell(col('code')).value !== null) {
        groups.push(text(row.getCell(col('code')).value));
      }
    }
    expect(rows.map((r) => r.seq)).toEqual(model.rows.map((r) => r.seq));
    expect(rows.map((r) => r.title)).toEqual(model.rows.map((r) => r.title));
    expect(rows.map((r) => r.number)).toEqual(model.rows.map((r) => r.number));
    const numbers = rows.map((r) => r.number).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(groups).toEqual(model.detail.flatMap((d) => (d.kind === 'group' ? [d.group.code] : [])));
    // every level and status written is one of the values the validation lists offer
    for (const r of rows) {
      if (r.level) expect(Object.values(LEVEL_LABELS).map((l) => l.zh)).toContain(r.level);
      expect(Object.values(STATUS_LABELS).map((s) => s.zh)).toContain(r.status);
    }
  });

  it('明细表: frozen header, autofilter, validation lists, A4 landscape with the header on every page', () => {
    const ws = wb.getWorksheet('明细表')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:L${ws.rowCount}`);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const levelCol = String.fromCharCode(64 + COLUMN_IDS.indexOf('level') + 1);
    const statusCol = String.fromCharCode(64 + COLUMN_IDS.indexOf('status') + 1);
    expect(dv[`${levelCol}2`]).toMatchObject({ type: 'list', formulae: [`"${Object.values(LEVEL_LABELS).map((l) => l.zh).join(',')}"`] });
    expect(dv[`${statusCol}${ws.rowCount + 100}`]).toMatchObject({ type: 'list', formulae: [`"${Object.values(STATUS_LABELS).map((s) => s.zh).join(',')}"`] });
    for (const w of wb.worksheets.filter((x) => x.state !== "hidden")) expect(w.pageSetup.paperSize, w.name).toBe(9);
  });

  it('明细表: rows still to be made are highlighted', () => {
    const ws = wb.getWorksheet('明细表')!;
    const r = ws.getRow(2 + model.detail.findIndex((d) => d.kind === 'row' && d.row.toBeMade));
    expect((r.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
  });

  it('统计表: 应有数 / 现有数 / 现有数÷应有数 per level equal the model statistics', () => {
    const ws = wb.getWorksheet('统计表')!;
    const byLabel = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const k = text(row.getCell(1).value);
      if (!byLabel.has(k)) byLabel.set(k, row);
    });
    for (const l of model.stats.byLevel) {
      const row = byLabel.get(LEVEL_KEY_LABELS[l.level].zh)!;
      expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([l.expected, l.existing, l.pct ?? '—']);
    }
    const total = byLabel.get('合计')!;
    expect([total.getCell(2).value, total.getCell(3).value]).toEqual([model.stats.total.expected, model.stats.total.existing]);
    for (const m of model.stats.matrix) {
      const row = byLabel.get(`${m.code} ${m.title}`)!;
      const n = model.stats.levels.length;
      expect(row.getCell(2 + 2 * n).value).toBe(m.total.expected);
      expect(row.getCell(3 + 2 * n).value).toBe(m.total.existing);
    }
  });

  it('覆盖情况: totals and per-project figures equal the gaps engine', () => {
    const ws = wb.getWorksheet('覆盖情况')!;
    const rowsBy = new Map<string, (ExcelJS.CellValue)[]>();
    ws.eachRow((row) => {
      const k = text(row.getCell(1).value);
      if (!rowsBy.has(k)) rowsBy.set(k, (row.values as ExcelJS.CellValue[]).slice(1));
    });
    const t = coverage!.totals;
    expect(rowsBy.get('合计')!.slice(1, 7)).toEqual([t.items, t.covered, t.planned, t.lapsed, t.uncovered, t.coveragePct]);
    for (const p of coverage!.byProject) {
      expect(rowsBy.get(p.key)!.slice(2, 8)).toEqual([p.items, p.covered, p.planned, p.lapsed, p.uncovered, p.items ? p.coveragePct : '—']);
    }
    // every catalog item is listed once, uncovered ones highlighted
    let uncoveredFilled = 0;
    const itemIds: string[] = [];
    ws.eachRow((row) => {
      const id = text(row.getCell(3).value);
      if (coverage!.items.some((i) => i.item.id === id)) {
        itemIds.push(id);
        if (text(row.getCell(5).value) === '未覆盖') {
          expect((row.getCell(5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8CBAD');
          uncoveredFilled++;
        }
      }
    });
    expect(itemIds).toEqual(coverage!.items.map((i) => i.item.id));
    expect(uncoveredFilled).toBe(coverage!.items.filter((i) => i.state === 'uncovered').length);
  });

  it('结构图 and 说明: the tree as boxes, the metadata and where the date came from', () => {
    const tree = wb.getWorksheet('结构图')!;
    const texts: string[] = [];
    tree.eachRow((row) => row.eachCell((c) => { if (c.isMerged && c.master === c) texts.push(text(c.value)); }));
    // box texts come in lines broken between words beforehand: compared without the breaks and blanks
    const bare = (s: string) => s.replace(/\s/g, '');
    for (const n of model.tree) expect(texts.map(bare)).toContain(bare(`${n.code} ${n.title}`));
    expect(tree.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
    const about = wb.getWorksheet('说明')!;
    const all: string[] = [];
    about.eachRow((row) => all.push(row.getCell(1).text + '=' + row.getCell(2).text));
    // no tool internals on the 说明 sheet; the catalog by its plain title
    expect(all.some((l) => /^(数据日期|生成工具|体系编号)/.test(l))).toBe(false);
    expect(all).toContain('服务事项目录=人力资源社会保障基本公共服务项目与事项（2021）');
    expect(all).toContain('编制单位=湛江市人力资源和社会保障局');
  });

  it('writes no formula anywhere and dates the package from the data', () => {
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    for (const [name, data] of Object.entries(files)) {
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    }
    expect(strFromU8(files['docProps/core.xml']!)).toContain(`${model.date.iso}T00:00:00Z`);
    expect(strFromU8(files['docProps/custom.xml']!)).toContain('name="hrss-std"');
    expect(wb.created.toISOString()).toBe(`${model.date.iso}T00:00:00.000Z`);
  });
});

describe('the hidden _hrss_std sheet (round trip for import)', () => {
  it('holds format, system id/title, catalog, framework and region as key/value rows', async () => {
    const { strFromU8: s8, unzipSync: unz } = await import('fflate');
    const { readFileSync: rf, mkdtempSync: mk } = await import('node:fs');
    const os = await import('node:os');
    const p = await import('node:path');
    const { runCli: run } = await import('../helpers.js');
    const { SAMPLE: dir } = await import('./helpers.js');
    const out = mk(p.join(os.tmpdir(), 'hrss-std-meta-'));
    expect(run(['export', dir, '--xlsx', '-o', out]).code).toBe(0);
    const x = unz(new Uint8Array(rf(p.join(out, 'zhanjiang.xlsx'))));
    const wbXml = s8(x['xl/workbook.xml']!);
    expect(wbXml).toMatch(/<sheet sheetId="6" name="_hrss_std" state="hidden"/);
    const ExcelJS = (await import('exceljs')).default;
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(rf(p.join(out, 'zhanjiang.xlsx')));
    const meta: Record<string, string> = {};
    wb2.getWorksheet('_hrss_std')!.eachRow((r) => { meta[r.getCell(1).text] = r.getCell(2).text; });
    expect(meta).toEqual({
      format: 'hrss-std-export/1',
      'system.id': 'zhanjiang',
      'system.title': '湛江市人力资源和社会保障领域公共服务标准体系',
      catalog: 'hrss-basic',
      framework: 'zhanjiang-7',
      'region.name': '湛江市',
      'region.code': '440800',
    });
  });
});
