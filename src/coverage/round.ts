import type { Text } from '../i18n/index.js';

/** The rounding rule of every coverage percentage, stated in every output. */
export const ROUNDING: Text = {
  zh: '覆盖率 = 现行标准覆盖的事项数 ÷ 计入统计的事项数 × 100，四舍五入（逢五进一）保留一位小数',
  en: 'coverage = items covered by standards in force ÷ counted items × 100, rounded half up to one decimal',
};

/**
 * part ÷ whole × 100 rounded half up to one decimal, in integer arithmetic so
 * that 1/8 = 12.5 exactly and no binary-float artefact can tip a gate.
 */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const tenths = Math.floor((2000 * part + whole) / (2 * whole));
  return tenths / 10;
}

/** "66.7" — always one decimal; "—" when nothing is measured. */
export function formatPct(pct: number, whole: number): string {
  return whole > 0 ? pct.toFixed(1) : '—';
}
