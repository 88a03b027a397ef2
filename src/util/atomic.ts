import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export class WriteError extends Error {
  constructor(readonly file: string, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Write a file so that readers see either the old content or the whole new one:
 * a temporary file in the same folder, fsync, then rename over the target.
 * A failure removes the temporary file and leaves the target untouched.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { overwrite?: boolean } = {}): void {
  const target = path.resolve(file);
  if (opts.overwrite === false && existsSync(target)) {
    throw new WriteError(target, 'EEXIST', `exists: ${target}`);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // Every command that writes a file creates its missing parent folders (docs/authoring.md).
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(tmp, 'wx');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* already failing */ }
    }
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* the temp file was never created (e.g. the parent is not a folder) */
    }
    const err = e as NodeJS.ErrnoException;
    throw new WriteError(target, err.code ?? 'EIO', err.message);
  }
}

/** A user-facing explanation of a write failure. */
export function describeWriteError(e: WriteError): { zh: string; en: string } {
  const why: Record<string, [string, string]> = {
    EACCES: ['没有写入权限', 'permission denied'],
    EPERM: ['没有写入权限', 'permission denied'],
    ENOENT: ['目录不存在', 'the folder does not exist'],
    ENOTDIR: ['路径中有一段不是目录', 'a part of the path is not a folder'],
    EISDIR: ['这是一个目录', 'it is a folder'],
    EBUSY: ['文件被占用（可能正在 Excel/WPS 中打开）', 'the file is busy (open in Excel/WPS?)'],
    EEXIST: ['文件已存在（加 --force 覆盖）', 'the file exists (use --force to replace it)'],
    ENOSPC: ['磁盘空间不足', 'no space left on the device'],
    EROFS: ['只读文件系统', 'read-only file system'],
  };
  const [zh, en] = why[e.code] ?? [e.message, e.message];
  return { zh: `无法写入 ${e.file}：${zh}`, en: `cannot write ${e.file}: ${en}` };
}
