import { t, type Lang, type Text } from '../i18n/index.js';
import { displayWidth } from '../util/display-width.js';

/**
 * Progress of a long command on stderr (a Word file of 2,000 rows takes about 20 s to lay out;
 * before this the terminal stayed silent that long). On a terminal one status line is rewritten
 * in place and cleared at the end; with --progress elsewhere (a CI log) each step is a line of
 * its own; otherwise nothing, so piped and CI output stays as it was. stdout is never touched.
 */
export interface Progress {
  /** the step now under way; the previous one is done */
  step(text: Text): void;
  /** all steps done: clear the status line */
  done(): void;
}

export type ProgressMode = 'line' | 'lines' | 'off';

/** --progress forces it on, --no-progress off; otherwise on only when stderr is a terminal (not in CI). */
export function progressMode(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): ProgressMode {
  if (flag === false) return 'off';
  if (stream.isTTY && !env.CI) return 'line';
  return flag ? 'lines' : 'off';
}

export function createProgress(stream: { write(s: string): unknown; columns?: number }, mode: ProgressMode, lang: Lang, now: () => number = Date.now): Progress {
  if (mode === 'off') return { step() {}, done() {} };
  const start = now();
  let shown = false;
  return {
    step(text) {
      // the time so far, once there is any to speak of
      const ms = now() - start;
      const s = (ms / 1000).toFixed(1);
      const line = ms < 1000 ? `hrss-std: ${t(text, lang)}` : lang === 'zh' ? `hrss-std: ${t(text, lang)}（已用 ${s} 秒）` : `hrss-std: ${t(text, lang)} (${s} s so far)`;
      if (mode === 'line') {
        // one terminal row, or \r and erase-line would leave the wrapped part behind
        stream.write(`\r\x1b[K${fit(line, (stream.columns || 80) - 1)}`);
        shown = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (mode === 'line' && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** `line` cut to `columns` terminal columns (CJK characters are two), with "…" where it was cut. */
export function fit(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line;
  let out = '';
  for (const ch of line) {
    if (displayWidth(out + ch) > columns - 1) break;
    out += ch;
  }
  return `${out}…`;
}
