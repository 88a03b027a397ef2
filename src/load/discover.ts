import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Paths compared one segment at a time, the order a walk of sorted folders gives ("a/…" before "a-b/…"). */
function bySegments(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The paths a pattern names, from `baseDir`, sorted. Glob syntax (`*`, `**`, `?`, `[…]`, `{a,b}`)
 * is tinyglobby's; names starting with a dot are matched only when the pattern spells the dot.
 * A pattern without glob syntax is one path: kept when it exists, and also when it cannot be
 * looked at (a folder we may not read still holds a system: the loader reports it, exit 2).
 */
export function expandGlob(pattern: string, baseDir: string): string[] {
  if (!isDynamicPattern(pattern)) {
    const p = path.resolve(baseDir, pattern);
    try {
      statSync(p);
      return [p];
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code !== 'ENOENT' && code !== 'ENOTDIR' ? [p] : [];
    }
  }
  // onlyFiles: false, so a folder where system.yaml should be is found and reported by the loader
  const found = globSync(pattern, { cwd: baseDir, absolute: true, onlyFiles: false, expandDirectories: false, dot: false });
  return found.map((f) => path.resolve(f)).sort(bySegments);
}

/**
 * The system files to check. No paths: the config's `systems` globs (default
 * systems/*\/system.yaml) from the config folder, else from cwd. A folder
 * argument means its system.yaml, or the systems below it; an argument that is
 * no path but a glob (quoted `systems/**\/system.yaml`) means what it matches.
 */
export function discoverSystems(args: string[], cwd: string, globs: string[], globBase: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  if (args.length === 0) {
    for (const g of globs) files.push(...expandGlob(g, globBase));
    if (files.length === 0 && globBase !== cwd) for (const g of globs) files.push(...expandGlob(g, cwd));
    return { files: dedupe(files), missing };
  }
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    let st;
    try {
      st = statSync(abs);
    } catch {
      const matched = isDynamicPattern(a) ? expandGlob(a, cwd) : [];
      if (matched.length) files.push(...matched);
      else missing.push(a);
      continue;
    }
    if (st.isFile()) files.push(abs);
    else if (existsSync(path.join(abs, 'system.yaml'))) files.push(path.join(abs, 'system.yaml'));
    else {
      const found = [...expandGlob('systems/*/system.yaml', abs), ...expandGlob('*/system.yaml', abs)];
      if (found.length) files.push(...found);
      else missing.push(a);
    }
  }
  return { files: dedupe(files), missing };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
