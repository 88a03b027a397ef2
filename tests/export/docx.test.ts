import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeLabel } from '../../src/export/structure-layout.js';
import { walkNodes } from '../../src/model/types.js';
import { sampleExport } from './sample-export.js';
import { loadSample, wordText } from './helpers.js';

const { model, coverage } = loadSample();
let files: Record<string, Uint8Array>;
let doc: string;

beforeAll(async () => {
  const r = await sampleExport(); // the CLI's export of the sample, shared with other test files
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  files = unzipSync(new Uint8Array(readFileSync(path.join(r.dir, 'zhanjiang.docx'))));
  doc = strFromU8(files['word/document.xml']!);
});

/** The visible text of each paragraph of a piece of WordprocessingML. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => wordText(m[0]));
/** Top-level tables in document order (tables here are never nested). */
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);

describe('the exported Word document of the bundled sample', () => {
  it('明细表: every standard once, in tree order, header repeated on each page', () => {
    const detail = tables(doc)[0]!;
    const rows = rowsOf(detail);
    expect(rows[0]!.includes('<w:tblHeader/>')).toBe(true);
    // a label too wide for its column is in lines broken between words (标准体系 / 表编号), each its own paragraph
    expect(cellsOf(rows[0]!).map((c) => paragraphs(c).join(''))).toEqual(model.columns.map((c) => c.label));
    // data rows: the first cell is the 序号
    const data = rows.slice(1).filter((tr) => /^\d+$/.test(paragraphs(cellsOf(tr)[0]!).join('')));
    expect(data.map((tr) => Number(paragraphs(cellsOf(tr)[0]!).join('')))).toEqual(model.rows.map((r) => r.seq));
    const titleCol = model.columns.findIndex((c) => c.id === 'title');
    const numberCol = model.columns.findIndex((c) => c.id === 'number');
    // rows after the first of a sub-system have no 子体系名称 cell (vMerge continue cells are empty)
    const textAt = (tr: string, i: number) => paragraphs(cellsOf(tr)[i]!).join('');
    expect(data.map((tr) => textAt(tr, titleCol))).toEqual(model.rows.map((r) => r.title));
    expect(data.map((tr) => textAt(tr, numberCol))).toEqual(model.rows.map((r) => r.number));
    for (const r of model.rows.filter((x) => x.number)) {
      const hits = data.filter((tr) => textAt(tr, numberCol) === r.number);
      expect(hits, r.number).toHaveLength(1);
    }
  });

  it('明细表: a merged line per sub-system (gridSpan) and 子体系名称 merged down its rows (vMerge)', () => {
    const detail = tables(doc)[0]!;
    // sub-system lines (the table's 注 is its last row, also across all columns)
    const groupRows = rowsOf(detail).filter((tr) => tr.includes(`<w:gridSpan w:val="${model.columns.length}"/>`) && !paragraphs(tr).join('').startsWith('注：'));
    expect(groupRows.map((tr) => paragraphs(tr).join(''))).toEqual(
      model.detail.flatMap((d) => (d.kind === 'group' ? [`${'　'.repeat(d.group.depth - 1)}${d.group.code} ${d.group.title}（共 ${d.group.subtreeRows} 项）`] : [])),
    );
    const restarts = (detail.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    const multi = [...walkNodes(model.tree)].filter((n) => n.standards.length > 1).length;
    expect(restarts).toBe(multi);
  });

  it('draws the structure picture as shapes whose text is the sub-system names', () => {
    const drawing = /<w:drawing>[\s\S]*?<\/w:drawing>/.exec(doc)?.[0] ?? '';
    expect(drawing.includes('wordprocessingGroup')).toBe(true);
    const boxTexts = [...drawing.matchAll(/<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/g)].map((m) => paragraphs(m[1]!).join(''));
    expect(boxTexts[0]).toBe(model.system.title);
    expect(boxTexts.slice(1).sort()).toEqual([...walkNodes(model.tree)].map(nodeLabel).sort());
  });

  it('has the title page, 目次, headings in 黑体, page numbers and A4 sections', () => {
    const text = paragraphs(doc);
    expect(text).toContain(model.system.title);
    expect(text).toContain('目　　次');
    expect(/TOC \\h \\o &quot;1-2&quot;/.test(doc)).toBe(true);
    for (const h of ['1  标准体系结构图', '2  标准明细表', '3  标准统计表', '4  服务事项覆盖情况', '5  编制说明']) expect(text).toContain(h);
    const sizes = [...doc.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(4);
    for (const s of sizes) expect(s).toMatch(/w:w="(11906|16838)"/);
    expect(sizes.filter((s) => s.includes('w:orient="landscape"'))).toHaveLength(1);
    const footer = Object.entries(files).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, d]) => strFromU8(d)).join('');
    expect(footer).toMatch(/PAGE/);
    const styles = strFromU8(files['word/styles.xml']!);
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0]).toContain('w:eastAsia="黑体"');
  });

  it('统计表 and coverage agree with the statistics and the gaps engine', () => {
    const text = paragraphs(doc).join('\n');
    const s = model.stats;
    expect(text).toContain(`本体系应有标准 ${s.total.expected} 项，现有标准 ${s.total.existing} 项，现有数占应有数的 ${s.total.pct!.toFixed(1)}%`);
    const t = coverage!.totals;
    expect(text).toContain(`计入统计的服务事项 ${t.items} 项：已覆盖 ${t.covered} 项，仅有规划 ${t.planned} 项`);
    expect(text).toContain(`覆盖率 ${t.coveragePct.toFixed(1)}%`);
    const levelTable = tables(doc).find((tb) => paragraphs(tb).includes('标准类别'))!;
    const totalRow = rowsOf(levelTable).find((tr) => paragraphs(tr)[0] === '合计')!;
    expect(paragraphs(totalRow)).toEqual(['合计', String(s.total.expected), String(s.total.existing), s.total.pct!.toFixed(1)]);
  });

  it('fills the 编制说明 from the data: scopes, the plan of standards to be made', () => {
    const text = paragraphs(doc);
    for (const n of model.tree) expect(text.some((p) => p.startsWith(`${n.code} ${n.title}：`))).toBe(true);
    const plan = tables(doc).find((tb) => cellsOf(rowsOf(tb)[0]!).map((c) => paragraphs(c).join('')).join('|') === '序号|体系表编号|标准名称|宜定级别|状态|归口部门|对应服务事项')!;
    expect(rowsOf(plan).slice(1).map((tr) => paragraphs(cellsOf(tr)[2]!).join(''))).toEqual(model.plan.map((r) => r.title));
    // the document: block's facts are printed; nothing is left as a placeholder
    expect(text).toContain('编制单位：湛江市人力资源和社会保障局。');
    for (const b of model.document.basis) expect(text.some((p) => p.includes(b))).toBe(true);
    expect(text).toContain(`编制过程：${model.document.process}`);
    expect(text).toContain(`征求意见情况：${model.document.consultation}`);
  });

  it('prints no placeholder, no tool internals and no catalog caveat', () => {
    const all = paragraphs(doc).join('\n');
    for (const bad of ['请补充', '未写明范围', '草稿：尚缺', '生成工具', '不取系统时钟', '数据日期', '内置目录', '体系编号（id）', '重建稿', '非官方', 'catalog.yaml', 'hrss-std', 'hrss-basic']) {
      expect(all, bad).not.toContain(bad);
    }
    expect(all).toContain('服务事项目录：《人力资源社会保障基本公共服务项目与事项》');
  });

  it('the cover carries no date when the data has no 编制日期 (never one derived from the rows)', () => {
    expect(model.document.date).toBeUndefined();
    const cover = doc.slice(0, doc.indexOf('目　　次'));
    expect(paragraphs(cover).join('')).not.toMatch(/\d{4}年/);
  });
});
