import ExcelJS from 'exceljs';

/**
 * A 标准明细表 made the way offices make them by hand: a merged title banner, a blank row, a header
 * row with their own words, first- and second-level sub-system columns merged down their rows,
 * gaps in 序号, full-width and badly spaced numbers, levels and statuses in Chinese, dates as
 * date cells and as text, service items by name, a footnote row, one level nobody can map
 * ("省标" in F8) and a column nobody maps (联系人). Numbers and titles are real (data/known-standards.yaml).
 */
export async function officeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('封面').getCell('A1').value = '某市人社领域公共服务标准体系表';
  const ws = wb.addWorksheet('标准体系明细表');
  ws.mergeCells('A1:K1');
  ws.getCell('A1').value = '某市人力资源和社会保障领域公共服务标准体系明细表';
  ws.getRow(3).values = ['序号', '一级子体系', '二级子体系', '标准编号', '标准名称', '宜定级别', '状态', '发布日期', '实施日期', '对应服务事项', '备注', '联系人'];
  const rows: (string | number | Date | null)[][] = [
    [1, '100 基础通用标准体系', '101 术语与缩略语标准', 'ＧＢ／Ｔ　３３５２８－２０１７', '公共就业服务 术语', '国标', '现行', new Date(Date.UTC(2017, 1, 28)), '2017.09.01', null, null],
    [2, null, null, 'GB/T31596.1—2015', '社会保险术语 第1部分：通用', '国家标准', '现行有效', '2015年6月2日', new Date(Date.UTC(2016, 0, 1)), null, '  '],
    [4, null, null, 'GBT 40550-2021', '劳动人事争议仲裁术语', '国家标准', '现行', '2021-08-20', '2022-09-01', null, null],
    [5, '300 社会保险服务标准体系', '301 社会保险通用标准', 'LD/T 05－2022', '社会保险经办内部控制规范', '行标', '现行', '2022/7/18', '2022/8/1', '社会保险登记', null, '张三'],
    [6, null, null, 'LD/T 01-2020', '社会保险网上经办服务指南', '省标', '现行', null, null, null, '来源未报告现行状态，待核。'],
    [8, null, '302 社会保险经办服务标准', '—', '某市社会保险经办服务规范', '地方标准', '待制定', null, null, null, '计划 2026 年立项'],
  ];
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = r as ExcelJS.CellValue[];
  });
  ws.getCell('H4').numFmt = 'yyyy-mm-dd';
  ws.getCell('I5').numFmt = 'yyyy-mm-dd';
  // sub-system cells merged down their rows, as offices do
  ws.mergeCells('B4:B6');
  ws.mergeCells('C4:C6');
  ws.mergeCells('B7:B9');
  ws.mergeCells('C7:C8');
  ws.mergeCells('A11:K11');
  ws.getCell('A11').value = '注：级别按 GB/T 13016 填写。';
  await wb.xlsx.writeFile(file);
}
