import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic.js';
import { isInside, realPathOrSelf } from '../util/paths.js';
import type { SiteFile } from '../export/html/index.js';
import type { PlannedFile } from '../authoring/init/scaffold.js';
import type { FileFix } from '../authoring/fix/run.js';

// The files commands write besides their reports and exports, kept here so that nothing below
// cli/ writes: the library folders plan the files (paths and texts), the commands write them.
// Every write is atomic (util/atomic.ts): a crash leaves the old file or the new one.

/** Write the site's files into `dir`; files of an earlier export that the new one lacks are left alone. */
export function writeSite(dir: string, files: SiteFile[]): void {
  const made = new Set<string>();
  const swept = new Set<string>();
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileAtomic(target, Buffer.from(f.text, 'utf8'), { swept, durable: false });
  }
}

export interface InitResult {
  written: string[];
  skipped: string[];
}

/** Write the planned files; an existing file is never replaced, only reported as skipped. */
export function writeInit(dir: string, files: PlannedFile[]): InitResult {
  const out: InitResult = { written: [], skipped: [] };
  for (const f of files) {
    const abs = path.join(dir, f.rel);
    if (existsSync(abs)) {
      out.skipped.push(f.rel);
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileAtomic(abs, f.text, { overwrite: false });
    out.written.push(f.rel);
  }
  return out;
}

/**
 * Write every changed file atomically (a crash leaves the old or the new file, never half of one).
 * A file read through a symbolic link (the file itself, or a folder on its way) is fixed where it
 * really is, so the link stays a link, when that place is inside `repository`; a link out of the
 * repository is refused (util/atomic.ts names the real file). The file keeps its mode.
 */
export function writeFixes(fixes: FileFix[], repository: string): void {
  const root = realPathOrSelf(repository);
  for (const f of fixes) {
    if (f.after === f.before) continue;
    const real = realPathOrSelf(f.abs);
    writeFileAtomic(real !== f.abs && isInside(root, real) ? real : f.abs, (f.bom ? '\ufeff' : '') + f.after, { replacesInput: true });
  }
}

