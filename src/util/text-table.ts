import { displayWidth } from '../report/stylish.js';

export type Align = 'l' | 'r';

/** Columns aligned by display width (CJK characters take two columns), two spaces apart, no trailing blanks. */
export function alignRows(rows: string[][], align: Align[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((row) => {
    const cells = row.map((c, i) => {
      const gap = ' '.repeat(Math.max(0, widths[i]! - displayWidth(c)));
      return align[i] === 'r' ? gap + c : c + gap;
    });
    return (indent + cells.join('  ')).replace(/\s+$/, '');
  });
}
