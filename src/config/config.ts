import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding, SeveritySetting } from '../diagnostics/types.js';
import type { Lang } from '../i18n/index.js';
import { inputErrorFinding, syntaxFinding } from '../diagnostics/load-findings.js';
import { displayPath, readSource, InputError, type SourceFile } from '../load/source.js';
import { parseYaml, YamlSyntaxError } from '../load/yaml.js';
import { schemaFindings } from '../schema/validate.js';

export const CONFIG_FILE = '.hrss-std.yaml';

/**
 * Input limits (`limits:` in .hrss-std.yaml), documented in docs/robustness.md.
 * They bound memory and time on broken or hostile files; real systems stay far below them.
 */
export interface Limits {
  /** bytes per YAML file (system, include, catalog) */
  maxFileBytes: number;
  /** nodes that alias references (*name) may repeat per file; each alias counts the size of what it repeats */
  maxAliases: number;
  /** nesting depth of YAML nodes (a sub-system level takes about two) */
  maxDepth: number;
  /** files per system: system.yaml plus everything it includes */
  maxFiles: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxAliases: 10_000,
  maxDepth: 200,
  maxFiles: 1_000,
};

/** The config file itself is small; it gets fixed, tighter limits. */
const CONFIG_LIMITS = { maxFileBytes: 1024 * 1024, maxAliases: 100, maxDepth: 50 };

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
  export: { columns: Record<string, string>; docxTemplate?: string; fonts?: { body?: string; heading?: string; latin?: string } };
  /** 文件类型 declared in the config (id → Chinese title), added to the built-in ones (model/kind.ts) */
  kinds: Record<string, string>;
  /** kind ids every catalog item needs (default: guide and procedure, 人社部发〔2023〕62号) */
  requiredKinds: string[];
  /** `assess:` thresholds and weights by indicator id (defaults in assess/definitions.ts) */
  assess: { thresholds: Record<string, number>; weights: Record<string, number>; basicScore?: number };
}

/** Kinds every catalog item needs by default: 逐项编制服务指南和操作规程 (人社部发〔2023〕62号). */
export const DEFAULT_REQUIRED_KINDS: readonly string[] = ['guide', 'procedure'];

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
    kinds: {},
    requiredKinds: [...DEFAULT_REQUIRED_KINDS],
    assess: { thresholds: {}, weights: {} },
  };
}

function placeholderFile(abs: string, cwd: string): SourceFile {
  return { abs, display: displayPath(abs, cwd), text: '' };
}

/** Load the config for `cwd` (or an explicit file). Throws ConfigError with located findings. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return defaultConfig(cwd);
  const cfg = defaultConfig(path.dirname(file));
  cfg.file = file;
  let src: SourceFile;
  try {
    src = readSource(file, { maxBytes: CONFIG_LIMITS.maxFileBytes, cwd });
  } catch (e) {
    if (e instanceof InputError) throw new ConfigError(file, [inputErrorFinding(e, placeholderFile(file, cwd)).finding]);
    throw e;
  }
  let raw: unknown;
  try {
    raw = parseYaml(src, CONFIG_LIMITS);
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new ConfigError(file, [syntaxFinding(e, src).finding]);
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
  if (c.kinds) cfg.kinds = c.kinds;
  if (c.required_kinds) cfg.requiredKinds = c.required_kinds;
  if (c.assess) cfg.assess = { thresholds: c.assess.thresholds ?? {}, weights: c.assess.weights ?? {}, ...(c.assess.basic_score !== undefined ? { basicScore: c.assess.basic_score } : {}) };
  if (c.export) cfg.export = { columns: c.export.columns ?? {}, docxTemplate: c.export.docx_template, ...(c.export.fonts ? { fonts: c.export.fonts } : {}) };
  return cfg;
}
