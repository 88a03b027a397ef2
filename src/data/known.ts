import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DATA_DIR, PACKAGE_ROOT } from '../util/paths.js';
import { fastPathOn } from '../util/switches.js';

export interface KnownStandard {
  number: string;
  title?: string;
  title_en?: string;
  level?: string;
  status?: 'current' | 'replaced' | 'withdrawn' | 'upcoming';
  published?: string;
  effective?: string;
  replaces?: string[];
  replaced_by?: string;
  source: string;
  confidence: string;
  note?: string;
}

export interface KnownStandards {
  /** dated standards by canonical number */
  byNumber: Map<string, KnownStandard>;
  /** undated citations (series without year) by number */
  undated: Map<string, KnownStandard>;
}

let cached: KnownStandards | undefined;

interface KnownFile {
  standards: KnownStandard[];
  undated: KnownStandard[];
}

/**
 * The built-in known-standards data (data/known-standards.yaml), loaded once on first use:
 * from its JSON copy made by the build when that matches the YAML (see generatedFor below).
 */
export function knownStandards(): KnownStandards {
  if (cached) return cached;
  const file = path.join(DATA_DIR, 'known-standards.yaml');
  const text = readFileSync(file, 'utf8');
  const raw = generatedFor<KnownFile>(file, text)?.value ?? (yaml.load(text, { schema: yaml.CORE_SCHEMA }) as KnownFile);
  cached = {
    byNumber: new Map(raw.standards.map((s) => [s.number, s])),
    undated: new Map(raw.undated.map((s) => [s.number, s])),
  };
  return cached;
}

/**
 * The bundled data files (data/*.yaml) are the source of truth. `npm run build` also writes each
 * one, parsed, as JSON (scripts/build-data.js → dist/generated/<name>.json): JSON.parse takes
 * well under a millisecond where js-yaml, before the JIT has warmed up, takes 15–25 ms of the
 * CLI's start-up. The JSON is used only when it was generated from exactly the YAML text read
 * now (the JSON holds that text: comparing two strings costs microseconds, where the first
 * SHA-256 of a process costs milliseconds of OpenSSL set-up); otherwise, or when it is missing
 * (a build by `tsc` alone, running from src/), the YAML is parsed as before.
 */
export interface GeneratedData<T = unknown> {
  /** data/ file it was generated from */
  source: string;
  /** that file's text, a leading BOM dropped */
  text: string;
  /** the smallest `limits.max_depth` / `max_aliases` with which the YAML loader accepts the file */
  maxDepth: number;
  maxAliases: number;
  /** the YAML, parsed with js-yaml's core schema */
  value: T;
}

export const GENERATED_DIR = path.join(PACKAGE_ROOT, 'dist', 'generated');

/** dist/generated/<name>.json for data/<name>.yaml. */
export function generatedPath(yamlFile: string): string {
  return path.join(GENERATED_DIR, `${path.basename(yamlFile).replace(/\.yaml$/, '')}.json`);
}

/** A data file's text as the JSON records it: both YAML loaders drop a leading BOM. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The generated JSON of `yamlFile` when it was made from `text` (the file's current text); else undefined. */
export function generatedFor<T>(yamlFile: string, text: string): GeneratedData<T> | undefined {
  if (!fastPathOn('dataJson')) return undefined;
  let g: GeneratedData<T>;
  try {
    g = JSON.parse(readFileSync(generatedPath(yamlFile), 'utf8')) as GeneratedData<T>;
  } catch {
    return undefined;
  }
  if (!g || typeof g !== 'object' || typeof g.text !== 'string' || g.text !== withoutBom(text)) return undefined;
  return g;
}
