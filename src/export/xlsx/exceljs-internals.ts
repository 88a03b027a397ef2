/**
 * Everything the workbook export uses of exceljs beyond its documented API, in one file:
 * - two single modules (lib/doc/workbook.js, lib/doc/range.js): `import 'exceljs'` also loads its
 *   streaming reader and writer (unzipper, archiver, …), about 0.1 s of start-up an export never uses;
 * - Workbook#model and the steps of XLSX#write (prepareModel, addContentTypes, …), run with a sink
 *   that keeps the parts: exceljs's writeBuffer hands the same parts to jszip, which encodes and
 *   zips them only for normalizeParts to unzip them again (bench/RESULTS.md has the measured gain).
 * Written against exceljs 4.4. When an upgrade removes a step, internalsOf() gives undefined and the
 * export takes the documented way (writeBuffer), same bytes; tests/export/exceljs-internals.test.ts
 * fails loudly on any change here, so the fallback is never taken unnoticed.
 */
import type ExcelJS from 'exceljs';
import Range from 'exceljs/lib/doc/range.js';
import Workbook from 'exceljs/lib/doc/workbook.js';

export { Workbook };

/** The exceljs major.minor these internals were read from (package.json pins ^4.4.0). */
export const INTERNALS_WRITTEN_FOR = '4.4';

/** An empty exceljs cell range; expand() grows it, toString() is "A1:L20" (Worksheet#model's dimensions). */
export function newRange(): Range {
  return new Range();
}
export type { Range };

/** The steps of exceljs 4's `XLSX.write`, in its order, each appending parts to a zip writer. */
export const WRITE_STEPS = [
  'addContentTypes', 'addOfficeRels', 'addWorkbookRels', 'addWorksheets', 'addSharedStrings', 'addDrawings',
  'addTables', 'addThemes', 'addStyles', 'addMedia', 'addApp', 'addCore', 'addWorkbook',
] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** A part of the package: XML text, or bytes. */
export type Part = string | Uint8Array;
/** What the steps append to (exceljs's ZipStream.ZipWriter interface). */
export interface PartSink {
  append(data: Part, opts: { name: string; base64?: boolean }): void;
}

/** The parts of Workbook#model the export reads and fills. */
export interface WorkbookModel {
  worksheets: { id: number; rows: unknown[]; dimensions: unknown }[];
  /** set by prepare(): the texts in shared-string order */
  sharedStrings?: { values: unknown[]; count: number; xml: string };
}

export interface WorkbookInternals {
  /** Workbook#model, taken once (the getter builds a new model each time) */
  model: WorkbookModel;
  /** XLSX#prepareModel: numbers the shared strings and styles of the model's cells */
  prepare(): void;
  /** one step of XLSX#write on the model */
  run(step: WriteStep, sink: PartSink): Promise<void>;
}

type XlsxSteps = { prepareModel(model: unknown, options: object): void } & Record<WriteStep, (zip: PartSink, model: unknown) => Promise<void>>;

/** The internals of this workbook, or undefined when this exceljs lacks any of them. */
export function internalsOf(wb: ExcelJS.Workbook): WorkbookInternals | undefined {
  const xlsx = wb.xlsx as unknown as Partial<XlsxSteps>;
  if (typeof xlsx.prepareModel !== 'function' || !WRITE_STEPS.every((s) => typeof xlsx[s] === 'function')) return undefined;
  const model = (wb as unknown as { model: WorkbookModel }).model;
  if (!model || !Array.isArray(model.worksheets)) return undefined;
  return {
    model,
    prepare: () => xlsx.prepareModel!(model, {}),
    run: (step, sink) => xlsx[step]!.call(xlsx, sink, model),
  };
}
