import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildFromGrid, findHeader, type ImportResult } from './build.js';
import { decodeCsv, parseCsv } from './csv.js';
import { catalogYaml, type EmitOptions } from './emit.js';
import { ImportError, type Grid } from './grid.js';

export { ImportError } from './grid.js';
export { describeHeader } from './build.js';

export interface ImportOptions {
  sheet?: string;
  id?: string;
  title?: string;
  confirmed: boolean;
  maxBytes: number;
}

export interface ImportOutcome {
  result: ImportResult;
  yaml: string;
  encoding?: string;
  options: EmitOptions;
}

/** A catalog id from the file name: ASCII letters, digits and dashes, else "imported". */
export function idFromFileName(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  const slug = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z0-9]/.test(slug) ? slug : 'imported';
}

function pickSheet(grids: Grid[], wanted: string | undefined): Grid {
  if (wanted !== undefined) {
    const byName = grids.find((g) => g.sheet === wanted);
    const byIndex = /^\d+$/.test(wanted) ? grids[Number(wanted) - 1] : undefined;
    const g = byName ?? byIndex;
    if (!g) {
      throw new ImportError(
        { zh: `没有工作表 “${wanted}”；现有：${grids.map((x) => x.sheet).join('、')}`, en: `no sheet "${wanted}"; sheets: ${grids.map((x) => x.sheet).join(', ')}` },
      );
    }
    return g;
  }
  return grids.find((g) => findHeader(g)) ?? grids[0]!;
}

/** Read an official list (.xlsx or .csv) into our catalog format. */
export async function importCatalog(file: string, o: ImportOptions): Promise<ImportOutcome> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') {
    throw new ImportError(
      { zh: `不支持的文件类型 “${ext || path.basename(file)}”：只能导入 .xlsx 或 .csv`, en: `unsupported file type "${ext || path.basename(file)}": import .xlsx or .csv` },
      { zh: '.xls 或 .et 文件请先在 Excel/WPS 中另存为 .xlsx', en: 'save .xls/.et files as .xlsx first' },
    );
  }
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // FIFOs and devices report size 0 and may never end: only regular files are read.
    if (!st.isFile()) {
      throw new ImportError({ zh: `不是普通文件，未读取：${file}`, en: `not a regular file; not read: ${file}` },
        { zh: '只读取 .xlsx 或 .csv 普通文件（不读取管道或设备）', en: 'only regular .xlsx or .csv files are read (no pipes or devices)' });
    }
    if (st.size > o.maxBytes) throw new ImportError({ zh: `文件过大：${st.size} 字节`, en: `file too large: ${st.size} bytes` });
    buf = readFileSync(file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT'
      ? { zh: `找不到文件 ${file}`, en: `file not found: ${file}` }
      : { zh: `无法读取 ${file}（${code}）`, en: `cannot read ${file} (${code})` });
  }
  let grid: Grid;
  let encoding: string | undefined;
  if (ext === '.xlsx') {
    const { readXlsx } = await import('./xlsx.js');
    grid = pickSheet(await readXlsx(buf), o.sheet);
  } else {
    const d = decodeCsv(buf);
    encoding = d.encoding;
    grid = parseCsv(d.text, path.basename(file));
  }
  const result = buildFromGrid(grid);
  const fileName = path.basename(file);
  const options: EmitOptions = {
    id: o.id ?? idFromFileName(file),
    title: o.title ?? result.title ?? path.basename(file).replace(/\.[^.]+$/, ''),
    fileName,
    confirmed: o.confirmed,
  };
  return { result, yaml: catalogYaml(result, options), encoding, options };
}
