/**
 * Environment switches that run the plain path of a dual path kept for speed (bench/RESULTS.md,
 * "Dual paths kept": each one's measured gain and its differential test). Set to `0`, the plain
 * path runs: for measuring the gain, and as a workaround should a fast path ever misbehave.
 * The output is the same either way.
 */
export const FAST_PATH_SWITCHES = {
  /** load/fast-yaml.ts: plain block YAML parsed in one pass; `0`: every file through js-yaml */
  yaml: 'HRSS_STD_YAML_FAST',
  /** export/xlsx/raw-rows.ts: the 明细表 rows rendered as XML directly; `0`: cells through exceljs's writeBuffer */
  xlsxRows: 'HRSS_STD_XLSX_RAW_ROWS',
  /** data/known.ts: the bundled data read from its generated JSON; `0`: parsed from the YAML */
  dataJson: 'HRSS_STD_DATA_JSON',
} as const;

/** Whether the fast path `name` is on (it is unless its switch is `0`). */
export function fastPathOn(name: keyof typeof FAST_PATH_SWITCHES): boolean {
  return process.env[FAST_PATH_SWITCHES[name]] !== '0';
}
