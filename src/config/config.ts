import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding, SeveritySetting } from '../diagnostics/types.js';
import type { Lang } from '../i18n/index.js';
import { readSource, InputError, type SourceFile } from '../load/source.js';
import { parseYaml, YamlSyntaxError } from '../load/yaml.js';
import { schemaFindings } from '../schema/validate.js';

export const CONFIG_FILE = '.hrss-std.yaml';

export interface Limits {
  /** bytes per YAML file */
  maxFileBytes: number;
  /** alias (*name) references per file */
  maxAliases: number;
  /** nesting depth of YAML collections */
  maxDepth: number;
  /** files per run (system files plus includes) */
  maxFiles: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxAliases: 1000,
  maxDepth: 1000,
  maxFiles: 10000,
};

export interface Config {
  /** absolute path of the config file, when one was found */
  file?: string;
  /** directory that relative paths in the config are resolved against */
  dir: string;
  systems: string[];
  catalog?: string;
  lang?: Lang;
  rules: Record<string, SeveritySetting>;
  reviewYears: number;
  /** the date rules measure against (YYYY-MM-DD) */
  today: string;
  limits: Limits;
  export: { columns: Record<string, string>; docxTemplate?: string };
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly findings: Finding[]) {
    super(`invalid config ${file}`);
  }
}

export function todayIso(d = new Date()): string {
  return d.toISOString().slice(0, 10);
}

/** Find `.hrss-std.yaml` walking up from `start` (like markdownlint-cli2 / ESLint flat config lookup). */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const f = path.join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function defaultConfig(dir: string): Config {
  return {
    dir,
    systems: ['systems/*/system.yaml'],
    rules: {},
    reviewYears: 5,
    today: todayIso(),
    limits: { ...DEFAULT_LIMITS },
    export: { columns: {} },
  };
}

/** Load the config for `cwd` (or an explicit file). Throws ConfigError with located findings. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return defaultConfig(cwd);
  const cfg = defaultConfig(path.dirname(file));
  cfg.file = file;
  let src: SourceFile;
  try {
    src = readSource(file, { maxBytes: 1024 * 1024, cwd });
  } catch (e) {
    if (e instanceof InputError) {
      throw new ConfigError(file, [{
        message: { zh: `无法读取配置文件（${e.kind}）`, en: `cannot read the config file (${e.kind})` },
        at: { file: { abs: file, display: file, text: '' }, offset: 0 },
      }]);
    }
    throw e;
  }
  let raw: unknown;
  try {
    raw = parseYaml(src, { maxAliases: 100, maxDepth: 100 });
  } catch (e) {
    if (e instanceof YamlSyntaxError) {
      throw new ConfigError(file, [{ message: { zh: `YAML 语法错误：${e.detail}`, en: `YAML syntax error: ${e.detail}` }, at: { file: src, offset: e.offset } }]);
    }
    throw e;
  }
  if (raw === null || raw === undefined) return cfg; // an empty config is a valid "all defaults"
  const findings = schemaFindings('config', raw, src);
  if (findings.length) throw new ConfigError(file, findings);
  const c = raw as Record<string, any>;
  if (c.systems) cfg.systems = c.systems;
  if (c.catalog) cfg.catalog = c.catalog;
  if (c.lang) cfg.lang = c.lang;
  if (c.rules) cfg.rules = c.rules;
  if (c.review_years) cfg.reviewYears = c.review_years;
  if (c.today) cfg.today = c.today;
  if (c.limits) {
    const l = c.limits;
    cfg.limits = {
      maxFileBytes: l.max_file_bytes ?? cfg.limits.maxFileBytes,
      maxAliases: l.max_aliases ?? cfg.limits.maxAliases,
      maxDepth: l.max_depth ?? cfg.limits.maxDepth,
      maxFiles: l.max_files ?? cfg.limits.maxFiles,
    };
  }
  if (c.export) cfg.export = { columns: c.export.columns ?? {}, docxTemplate: c.export.docx_template };
  return cfg;
}
