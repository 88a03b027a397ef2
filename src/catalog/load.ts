import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Limits } from '../config/config.js';
import { generatedFor } from '../data/known.js';
import { readSource, type SourceFile } from '../load/source.js';
import { readYamlFile, type StageFinding } from '../system/load.js';
import { scanSuppressions } from '../load/yaml.js';
import { schemaFindings } from '../schema/validate.js';
import { DATA_DIR } from '../util/paths.js';
import type { Catalog, CatalogItem, CatalogProject, Confidence } from './types.js';

/** Built-in catalogs shipped in data/: id → file name. */
export const BUILTIN_CATALOGS: Record<string, string> = {
  'hrss-basic': 'hrss-basic.catalog.yaml',
};

export interface CatalogLoad {
  catalog?: Catalog;
  findings: StageFinding[];
  ioError: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const conf = (v: unknown): Confidence | undefined => (v === 'confirmed' || v === 'partial' || v === 'inferred' ? v : undefined);

function item(r: Record<string, unknown>, project?: string): CatalogItem {
  return {
    id: String(r.id), name: String(r.name), project,
    source: str(r.source), confidence: conf(r.confidence), target: str(r.target), basis: str(r.basis),
    also: strList(r.also), aliases: strList(r.aliases), standards: strList(r.standards), note: str(r.note), raw: r,
  };
}

/** Where a catalog reference points: a built-in id, else a path relative to `baseDir`. */
export function resolveCatalogRef(ref: string, baseDir: string): { abs: string; builtin: boolean } {
  if (BUILTIN_CATALOGS[ref]) return { abs: path.join(DATA_DIR, BUILTIN_CATALOGS[ref]!), builtin: true };
  return { abs: path.resolve(baseDir, ref), builtin: false };
}

const cache = new Map<string, CatalogLoad>();

/**
 * A built-in catalog from its JSON copy made by the build (see ../data/known.ts), when that was
 * generated from exactly this text and the file passes every check readYamlFile would make (size,
 * depth and alias limits, schema). Anything else returns undefined and the YAML is read as before,
 * so the result, findings included, is the same either way.
 */
function readBuiltinJson(abs: string, opts: { limits: Limits; cwd: string }): { file: SourceFile; value: unknown; ok: true } | undefined {
  let file: SourceFile;
  try {
    file = readSource(abs, { maxBytes: opts.limits.maxFileBytes, cwd: opts.cwd });
  } catch {
    return undefined;
  }
  const g = generatedFor(abs, file.text);
  if (!g || opts.limits.maxDepth < g.maxDepth || opts.limits.maxAliases < g.maxAliases) return undefined;
  if (schemaFindings('catalog', g.value, file).length) return undefined;
  scanSuppressions(file);
  return { file, value: g.value, ok: true };
}

/** Load and schema-check a catalog (cached per file: many systems share one). */
export function loadCatalog(ref: string, baseDir: string, opts: { limits: Limits; cwd: string }): CatalogLoad {
  const { abs, builtin } = resolveCatalogRef(ref, baseDir);
  // Keyed by the file's state too, so a long-lived process sees an edited catalog.
  let stamp = '';
  try {
    const st = statSync(abs);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    /* missing: handled below */
  }
  const key = `${abs}|${stamp}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const out = { findings: [] as StageFinding[], ioError: false };
  let result: CatalogLoad;
  if (!builtin && !existsSync(abs)) {
    // A missing catalog is a wrong reference in the system (catalog-error, exit 1), like a missing include.
    result = { findings: [], ioError: false };
  } else {
    const r = (builtin ? readBuiltinJson(abs, opts) : undefined) ?? readYamlFile(abs, { limits: opts.limits, cwd: opts.cwd }, 'catalog', out);
    result = { findings: out.findings, ioError: out.ioError };
    const raw = r.value as Record<string, unknown> | undefined;
    const schemaOk = !out.findings.some((f) => f.finding.at.file === r.file);
    if (r.ok && raw && typeof raw === 'object' && schemaOk) {
      const projects: CatalogProject[] = (raw.projects as Record<string, unknown>[]).map((p) => ({
        id: String(p.id), name: String(p.name), area: str(p.area), areaConfidence: conf(p.area_confidence),
        source: str(p.source), note: str(p.note), standards: strList(p.standards),
        items: ((p.items as Record<string, unknown>[] | undefined) ?? []).map((i) => item(i, String(p.id))),
        raw: p,
      }));
      const unassigned = ((raw.unassigned_items as Record<string, unknown>[] | undefined) ?? []).map((i) => item(i));
      const items = new Map<string, CatalogItem>();
      for (const p of projects) for (const i of p.items) items.set(i.id, i);
      for (const i of unassigned) items.set(i.id, i);
      result.catalog = {
        id: String(raw.id), title: String(raw.title), edition: str(raw.edition), note: str(raw.note), source: str(raw.source),
        counts: raw.counts && typeof raw.counts === 'object' ? (raw.counts as Record<string, unknown>) : undefined,
        origin: { builtin, ref }, projects, unassigned, items,
        projectsById: new Map(projects.map((p) => [p.id, p])), file: r.file, raw,
      };
    }
  }
  cache.set(key, result);
  return result;
}
