import { statSync } from 'node:fs';

/**
 * Files read in this run (systems, includes, catalogs, .hrss-std.yaml), by device and inode, so an
 * output that names one of them (also through a symlink or a hard link) is refused instead of
 * replacing the input with a report.
 */
const read = new Map<string, string>();

export function noteInput(abs: string): void {
  try {
    const st = statSync(abs);
    read.set(`${st.dev}:${st.ino}`, abs);
  } catch {
    /* not readable: it will not be replaced by a report either */
  }
}

/** The input of this run that `abs` is (same file), if any. */
export function inputAt(abs: string): string | undefined {
  try {
    const st = statSync(abs);
    return read.get(`${st.dev}:${st.ino}`);
  } catch {
    return undefined;
  }
}
