import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Minimal glob: `*` matches one path segment (enough for `systems/*\/system.yaml`). */
export function expandGlob(pattern: string, baseDir: string): string[] {
  const parts = pattern.split('/').filter((p) => p && p !== '.');
  let current = [path.resolve(baseDir)];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of current) {
      if (part.includes('*')) {
        const re = new RegExp('^' + part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
        let entries: string[] = [];
        try {
          entries = readdirSync(dir).sort();
        } catch {
          /* not a directory */
        }
        for (const e of entries) if (re.test(e) && !e.startsWith('.')) next.push(path.join(dir, e));
      } else {
        const p = path.join(dir, part);
        try {
          statSync(p);
          next.push(p);
        } catch (e) {
          // A folder we may not read still holds a system: keep it, so the loader reports it (exit 2).
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'ENOENT' && code !== 'ENOTDIR') next.push(p);
        }
      }
    }
    current = next;
  }
  return current;
}

/**
 * The system files to check. No paths: the config's `systems` globs (default
 * systems/*\/system.yaml) from the config folder, else from cwd. A folder
 * argument means its system.yaml, or the systems below it.
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
      missing.push(a);
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
