import { existsSync, statSync } from 'node:fs';
import { readRegularFile, readRegularFileHead } from '../util/bounded-read.js';

/** An existing export larger than this is not opened to look for the marker (treated as not ours). */
const TARGET_MAX_BYTES = 1024 * 1024 * 1024;
import path from 'node:path';
import type { Text } from '../i18n/index.js';
import { readMarker } from './zip.js';

/** Why a target may not be written (without --force), as a user-facing message. */
export interface TargetProblem {
  text: Text;
  hint?: Text;
}

/**
 * Office lock files next to a document that is open: Excel/Word/WPS write `~$name`
 * (Word drops the first one or two characters of long names), LibreOffice `.~lock.name#`.
 */
export function lockFiles(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const names = [`~$${base}`, `~$${base.slice(1)}`, `~$${base.slice(2)}`, `.~lock.${base}#`];
  return [...new Set(names)].map((n) => path.join(dir, n)).filter((f) => existsSync(f));
}

/**
 * May this export write `target`? A new file: yes. An existing file: only when it is
 * a file this tool wrote (it carries the hrss-std marker property), or with --force.
 * A file that looks open in Excel/WPS/LibreOffice (a lock file beside it): only with --force.
 */
export function checkTarget(target: string, force: boolean): TargetProblem | undefined {
  let st;
  try {
    st = statSync(target);
  } catch {
    return undefined;
  }
  if (st.isDirectory()) {
    return { text: { zh: `无法写入 ${target}：这是一个目录`, en: `cannot write ${target}: it is a folder` }, hint: { zh: '给出文件名，或用 -o 指定输出目录', en: 'give a file name, or the output folder with -o' } };
  }
  if (force) return undefined;
  const locks = lockFiles(target);
  if (locks.length) {
    return {
      text: { zh: `${target} 似乎正在 Excel/WPS/LibreOffice 中打开（发现锁文件 ${path.basename(locks[0]!)}）`, en: `${target} looks open in Excel/WPS/LibreOffice (lock file ${path.basename(locks[0]!)})` },
      hint: { zh: '关闭该文件后重试；若锁文件是残留的，加 --force', en: 'close it and try again; if the lock file is stale, use --force' },
    };
  }
  // Only a zip can carry the marker: read the 4-byte signature first and the whole file (capped)
  // only for a zip. A FIFO or device is never read (that hung or read /dev/zero without end).
  let marker: string | undefined;
  try {
    const head = readRegularFileHead(target, 4);
    if (head.length === 4 && head.readUInt32LE(0) === 0x04034b50) marker = readMarker(new Uint8Array(readRegularFile(target, TARGET_MAX_BYTES)));
  } catch {
    marker = undefined;
  }
  if (marker === undefined) {
    return {
      text: { zh: `${target} 已存在，且不是 hrss-std 导出的文件，不覆盖`, en: `${target} exists and was not written by hrss-std; not replacing it` },
      hint: { zh: '换一个文件名，或加 --force 覆盖', en: 'choose another name, or use --force to replace it' },
    };
  }
  return undefined;
}
