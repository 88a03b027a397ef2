import type { Config } from '../config/config.js';
import { loadSystem } from '../system/load.js';
import { discoverSystems } from '../load/discover.js';
import { loadCatalog, resolveCatalogRef, type CatalogLoad } from './load.js';

export interface PickedCatalog {
  load: CatalogLoad;
  ref: string;
  /** why this catalog was chosen, for the first line of the output */
  chosenBy: 'option' | 'config' | 'system' | 'default';
  /** other catalogs the repository's systems use, when they differ */
  others: string[];
}

/**
 * The catalog `hrss-std catalog` shows: --catalog, else the config default,
 * else the one the repository's systems name, else the built-in hrss-basic.
 */
export function pickCatalog(option: string | undefined, config: Config, cwd: string): PickedCatalog {
  const opts = { limits: config.limits, cwd };
  if (option) return { load: loadCatalog(option, cwd, opts), ref: option, chosenBy: 'option', others: [] };
  if (config.catalog) return { load: loadCatalog(config.catalog, config.dir, opts), ref: config.catalog, chosenBy: 'config', others: [] };
  const { files } = discoverSystems([], cwd, config.systems, config.dir);
  const refs = new Map<string, { ref: string; base: string }>();
  for (const f of files) {
    const s = loadSystem(f, { ...opts, skipSchema: true }).system;
    if (!s?.catalogRef) continue;
    const abs = resolveCatalogRef(s.catalogRef, s.dir).abs;
    if (!refs.has(abs)) refs.set(abs, { ref: s.catalogRef, base: s.dir });
  }
  const list = [...refs.values()];
  if (list.length >= 1) {
    const first = list[0]!;
    return {
      load: loadCatalog(first.ref, first.base, opts),
      ref: first.ref,
      chosenBy: 'system',
      others: list.slice(1).map((x) => x.ref),
    };
  }
  return { load: loadCatalog('hrss-basic', cwd, opts), ref: 'hrss-basic', chosenBy: 'default', others: [] };
}
