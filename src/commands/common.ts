import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { toDiagnostic } from '../diagnostics/resolve.js';
import { detectLang, t, type Lang, type Text } from '../i18n/index.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { describeWriteError, writeFileAtomic, WriteError } from '../util/atomic.js';

/** Exit codes, documented in the README. */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, GATE: 3 } as const;

/** A fault of the user's input or invocation: printed as a message, never as a stack trace. */
export class UserError extends Error {
  constructor(readonly text: Text, readonly exitCode: number = EXIT.USAGE, readonly hint?: Text) {
    super(text.en);
  }
}

export interface GlobalOptions {
  lang?: string;
  config?: string;
  color?: boolean;
}

export function version(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function resolveLang(opts: GlobalOptions, config?: Config): Lang {
  return detectLang(opts.lang ?? config?.lang);
}

/** Colours: --no-color and NO_COLOR turn them off, FORCE_COLOR on; otherwise only on a terminal. */
export function useColor(stream: NodeJS.WriteStream, opts: GlobalOptions): boolean {
  if (opts.color === false) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !!stream.isTTY;
}

/** Load `.hrss-std.yaml`; a broken config is a usage error (exit 2) with located messages. */
export function configOrExit(cwd: string, opts: GlobalOptions): Config {
  try {
    return loadConfig(cwd, opts.config);
  } catch (e) {
    if (e instanceof ConfigError) {
      const lang = detectLang(opts.lang);
      const lines = e.findings.map((f) => {
        const d = toDiagnostic('config', 'error', f);
        return `${d.file}:${d.line}:${d.column}  ${t(d.message, lang)}${d.hint ? `\n    ${lang === 'zh' ? '提示：' : 'hint: '}${t(d.hint, lang)}` : ''}`;
      });
      throw new UserError({ zh: `配置文件有误：\n${lines.join('\n')}`, en: `invalid configuration:\n${lines.join('\n')}` });
    }
    throw e;
  }
}

/** Write a command's output to `-o FILE` atomically, or to stdout. */
export function emit(text: string, outFile?: string): void {
  if (!outFile) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomic(outFile, text);
  } catch (e) {
    if (e instanceof WriteError) throw new UserError(describeWriteError(e));
    throw e;
  }
}
