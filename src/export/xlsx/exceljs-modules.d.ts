// Single exceljs modules (see xlsx/index.ts and raw-rows.ts); each module's export is the class.
declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs';

  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}

declare module 'exceljs/lib/doc/range.js' {
  /** exceljs's cell range: grows to cover what expand() is given; toString() is "A1:L20". */
  export default class Range {
    expand(top: number, left: number, bottom: number, right: number): void;
    toString(): string;
  }
}
