import ExcelJS from 'exceljs';

/**
 * The test list as it is usually distributed: a title row merged across the
 * top, the header on row 2 (one header broken over two lines, one with a
 * space, one column the importer does not use), a section heading, 服务项目
 * cells merged down, full-width 序号, blank rows, a row without an item and a
 * remark at the foot.
 */
export const TITLE = '人力资源社会保障基本公共服务事项清单（测试）';
export const HEADER = ['序 号', '服务\n项目', '服务事项', '服务对象', '执行标准/规范性文件', '备注'];
const W = HEADER.length;

/** Rows 3… as [row number, cells]; '' is an empty cell. Project cells are given on the first row of each merge only. */
export const BODY: [number, string[]][] = [
  [3, ['一、劳有所得']],
  [4, ['１', '失业保险', '失业保险金申领', '失业人员', '《失业保险条例》', '']],
  [5, ['２', '', '失业保险相关待遇、补贴申领', '失业人员', '', '']],
  [6, ['３', '', ' 代缴基本医疗\n保险费 ', '', '', '']],
  [8, ['４', '工伤保险', '工伤认定申请', '职工', '《工伤保险条例》', '']],
  [9, ['5', '', '工程建设项目办理工伤保险参保登记', '建设项目', '', '']],
  [10, ['6', '就业见习服务', '', '', '', '']],
  [11, ['7', '', '', '高校毕业生', '', '']],
  [13, ['注：本表仅供测试。']],
];

/** Merged 服务项目 ranges (rows), as in the spreadsheet. */
const MERGES = ['B4:B6', 'B8:B9'];

export async function buildXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本工作簿第二张表是清单';
  const ws = wb.addWorksheet('清单');
  ws.getCell('A1').value = TITLE;
  ws.mergeCells(1, 1, 1, W);
  ws.getRow(2).values = HEADER;
  for (const [n, cells] of BODY) {
    if (cells.length === 1) {
      ws.getCell(n, 1).value = cells[0]!;
      ws.mergeCells(n, 1, n, W);
      continue;
    }
    cells.forEach((c, i) => {
      if (c === '') return;
      // a plain number in 序号 where the sheet has one, as Excel stores it
      ws.getCell(n, i + 1).value = /^\d+$/.test(c) ? Number(c) : c;
    });
  }
  for (const m of MERGES) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same list as Excel saves it as CSV: merged cells keep their text in the first cell only. */
export function buildCsv(): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] = [];
  const rows = new Map<number, string[]>([[1, [TITLE]], [2, HEADER], ...BODY]);
  const last = Math.max(...rows.keys());
  for (let n = 1; n <= last; n++) {
    const cells = rows.get(n) ?? [];
    const full = Array.from({ length: W }, (_, i) => cells[i] ?? '');
    lines.push(full.map(q).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** GBK bytes for a string, found with the platform's own GBK decoder (no iconv needed). */
export function encodeGbk(text: string): Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (const ch of new Set(text)) {
    if (ch.codePointAt(0)! < 0x80) continue;
    search: for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        if (dec.decode(Uint8Array.of(lead, trail)) === ch) {
          table.set(ch, [lead, trail]);
          break search;
        }
      }
    }
    if (!table.has(ch)) throw new Error(`no GBK code for ${ch}`);
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(table.get(ch) ?? [ch.codePointAt(0)!]));
  return Buffer.from(out);
}
