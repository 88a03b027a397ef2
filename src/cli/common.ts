import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
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

/**
 * Load `.hrss-std.yaml`; a broken config is a usage error (exit 2) with located messages.
 * The config module (and with it js-yaml and the schema checker) is imported here, on first
 * use, so `--help` and commands that never read a config do not load them at start-up.
 */
export async function configOrExit(cwd: string, opts: GlobalOptions): Promise<Config> {
  const { ConfigError, loadConfig } = await import('../config/config.js');
  try {
    return loadConfig(cwd, opts.config);
  } catch (e) {
    if (e instanceof ConfigError) {
      const { toDiagnostic } = await import('../diagnostics/resolve.js');
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

/**
 * Run the validate pipeline for a command, refusing (exit 2) when a path matched
 * nothing, no system was found, or the config names rules that do not exist.
 */
export async function validateOrExit(paths: string[], config: Config, cwd: string, opts: { keepModels?: boolean } = {}) {
  const { validate, unknownConfiguredRules } = await import('../pipeline/validate.js');
  const typos = unknownConfiguredRules(config);
  if (typos.length) {
    throw new UserError(
      { zh: `配置文件 ${config.file} 的 rules: 中有未知的规则：${typos.join('、')}`, en: `unknown rules under rules: in ${config.file}: ${typos.join(', ')}` },
      EXIT.USAGE, { zh: '用 hrss-std rules 查看全部规则 id', en: 'hrss-std rules lists every rule id' });
  }
  const result = validate(paths, config, cwd, opts);
  if (result.missing.length) {
    throw new UserError({ zh: `找不到体系：${result.missing.join('、')}`, en: `no system found at: ${result.missing.join(', ')}` },
      EXIT.USAGE, { zh: '给出 system.yaml 或其所在目录', en: 'name a system.yaml or its folder' });
  }
  if (result.systems.length === 0) {
    throw new UserError({ zh: `当前目录下没有找到标准体系（${config.systems.join('、')}）`, en: `no standard system found (${config.systems.join(', ')})` },
      EXIT.USAGE, { zh: '用 hrss-std init 新建，或给出 system.yaml 的路径', en: 'create one with hrss-std init, or give the path of a system.yaml' });
  }
  return result;
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

/** Refuse a run that found no system: a path that matched nothing, or none under the working folder. */
export function requireSystems(missing: string[], found: number, config: Config): void {
  if (missing.length) {
    throw new UserError({ zh: `找不到体系：${missing.join('、')}`, en: `no system found at: ${missing.join(', ')}` },
      EXIT.USAGE, { zh: '给出 system.yaml 或其所在目录', en: 'name a system.yaml or its folder' });
  }
  if (found === 0) {
    throw new UserError({ zh: `当前目录下没有找到标准体系（${config.systems.join('、')}）`, en: `no standard system found (${config.systems.join(', ')})` },
      EXIT.USAGE, { zh: '用 hrss-std init 新建，或给出 system.yaml 的路径', en: 'create one with hrss-std init, or give the path of a system.yaml' });
  }
}

/** Refuse an output format the command does not have, listing the ones it has. */
export function requireFormat(format: string, formats: readonly string[]): void {
  if (formats.includes(format)) return;
  throw new UserError({ zh: `未知的输出格式 “${format}”；可用：${formats.join('、')}`, en: `unknown format "${format}"; available: ${formats.join(', ')}` });
}
