import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DATA_DIR } from '../util/paths.js';

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

/** The built-in known-standards data (data/known-standards.yaml), loaded once on first use. */
export function knownStandards(): KnownStandards {
  if (cached) return cached;
  const raw = yaml.load(readFileSync(path.join(DATA_DIR, 'known-standards.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as {
    standards: KnownStandard[];
    undated: KnownStandard[];
  };
  cached = {
    byNumber: new Map(raw.standards.map((s) => [s.number, s])),
    undated: new Map(raw.undated.map((s) => [s.number, s])),
  };
  return cached;
}
