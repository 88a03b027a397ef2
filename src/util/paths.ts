import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (holds schemas/, data/, templates/), from src/ under vitest or dist/ when built. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/** Is `p` the folder `dir` itself or below it? (`..notes.yaml` is inside; `../x` is not.) */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/**
 * The repository a file belongs to: the nearest folder at or above `dir` that holds `.git` or
 * `.hrss-std.yaml`; without one, `fallback`. Files a system names (its catalog) must stay inside it.
 */
export function repositoryRoot(dir: string, fallback: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git')) || existsSync(path.join(d, '.hrss-std.yaml'))) return d;
    if (path.dirname(d) === d) return fallback;
  }
}

/** The real path of `p` (links resolved), or `p` itself when it does not exist or is a dangling link. */
export function realPathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
