import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync, existsSync, type Stats } from 'node:fs';
import { inputAt } from './inputs.js';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { realPathOrSelf } from './paths.js';

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
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: {
    overwrite?: boolean;
    replacesInput?: boolean;
    /** folders already swept of stale temporary files in this batch: a site writes thousands of files into one folder, and sweeping it for each made the write quadratic */
    swept?: Set<string>;
    /** false: no fsync before the rename. Readers still see the old or the whole new file (the rename); only a power cut can lose it. For files regenerated on every run (a site's pages) */
    durable?: boolean;
  } = {},
): void {
  const target = path.resolve(file);
  // "out/" names a folder: path.resolve drops the slash, and the output became a file named "out"
  if ((process.platform === 'win32' ? /[\\/]$/ : /\/$/).test(file)) {
    throw new WriteError(target + path.sep, 'EFOLDERNAME', `names a folder: ${file}`);
  }
  if (opts.overwrite === false && existsSync(target)) {
    throw new WriteError(target, 'EEXIST', `exists: ${target}`);
  }
  const before = checkOutputTarget(target, opts.replacesInput === true);
  const dir = path.dirname(target);
  if (!opts.swept?.has(dir)) {
    removeStaleTemps(dir);
    opts.swept?.add(dir);
  }
  // short and independent of the target's name, so a name near NAME_MAX still works
  const tmp = path.join(path.dirname(target), `.hrss-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // Every command that writes a file creates its missing parent folders (docs/authoring.md).
    mkdirSync(path.dirname(target), { recursive: true });
    fd = openSync(tmp, 'wx');
    // the replaced file keeps its permissions (a new file gets 0666 less the umask)
    if (before) fchmodSync(fd, before.mode & 0o7777);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    if (opts.durable !== false) fsyncSync(fd);
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

/**
 * Refuse a target that renaming over would break: a device or FIFO (`-o /dev/null` as root would
 * replace the device node), a symlink (the link, not its target, would be replaced), or a file this
 * run read (the report would replace the system, an include or .hrss-std.yaml).
 */
export function checkOutputTarget(target: string, replacesInput = false): Stats | undefined {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    return undefined; // does not exist yet (or the folder is missing: the write reports that)
  }
  if (st.isSymbolicLink()) {
    // --fix is given the real file of a link inside the repository (cli/write-files.ts): a link here points out of it
    if (replacesInput) throw new WriteError(target, 'EVIALINK', realPathOrSelf(target));
    throw new WriteError(target, 'ESYMLINK', `symlink: ${target}`);
  }
  if (st.isDirectory()) throw new WriteError(target, 'EISDIR', `directory: ${target}`);
  if (!st.isFile()) throw new WriteError(target, 'ENOTREG', `not a regular file: ${target}`);
  if (!replacesInput && inputAt(target)) throw new WriteError(target, 'EINPUT', `an input of this run: ${target}`);
  if (replacesInput) {
    // --fix rewrites the files it read, at their real place when that is inside the repository
    // (cli/write-files.ts). A path still through a linked folder leads out of the repository (a
    // pull request can add such a link); a hard-linked file would be split from its other names by
    // the rename. Neither is rewritten: the message names the real file.
    const link = linkedFolderOf(target);
    if (link) throw new WriteError(target, 'EVIALINK', realPathOrSelf(target));
    if (st.nlink > 1) throw new WriteError(target, 'EHARDLINK', String(st.nlink));
  }
  return st;
}

/**
 * The first folder on the way from `target` up to its repository (the nearest folder with .git or
 * .hrss-std.yaml, else the working folder) that is a symbolic link. Folders above the repository
 * are not looked at: a checkout under a linked home folder is not a link inside the repository.
 */
function linkedFolderOf(target: string): string | undefined {
  const stop = path.resolve(process.cwd());
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    try {
      if (lstatSync(dir).isSymbolicLink()) return dir;
    } catch {
      return undefined;
    }
    if (dir === stop || existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, '.hrss-std.yaml')) || path.dirname(dir) === dir) return undefined;
  }
}

/** `.hrss-<pid>-<hex>.tmp` files (and the older `.<name>.<pid>.<hex>.tmp`) left by a run that was killed mid-write. */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^\.hrss-(\d+)-[0-9a-f]{8}\.tmp$/.exec(n) ?? /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(n);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      rmSync(path.join(dir, n), { force: true });
    } catch {
      /* someone else's, or already gone */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
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
    EFOLDERNAME: ['以 “/” 结尾的路径表示目录；请给出文件名（如 out/名称.yaml）', 'a path ending in "/" names a folder; give a file name (e.g. out/name.yaml)'],
    EBUSY: ['文件被占用（可能正在 Excel/WPS 中打开）', 'the file is busy (open in Excel/WPS?)'],
    EEXIST: ['文件已存在（加 --force 覆盖）', 'the file exists (use --force to replace it)'],
    ENOSPC: ['磁盘空间不足', 'no space left on the device'],
    EROFS: ['只读文件系统', 'read-only file system'],
    ESYMLINK: ['这是一个符号链接；不会替换链接（请直接给出它指向的文件）', 'it is a symbolic link; it is not replaced (name the file it points to)'],
    ENOTREG: ['这不是普通文件（设备、管道或套接字）；要输出到终端或管道，省略 -o', 'it is not a regular file (a device, FIFO or socket); to write to a terminal or pipe, leave out -o'],
    EVIALINK: [`路径经过符号链接，实际文件 ${e.message} 在本仓库之外；--fix 只改写仓库之内的文件，请在实际文件所在的仓库中运行`, `the path goes through a symbolic link to ${e.message}, outside this repository; --fix rewrites only files inside it: run it in the repository of the real file`],
    EHARDLINK: [`该文件有 ${e.message} 个硬链接；替换后其他链接仍是旧内容，所以不改写（先复制成独立的文件）`, `the file has ${e.message} hard links; after a replace the other names would keep the old text, so it is not rewritten (copy it to a file of its own first)`],
    EINPUT: ['这是本次运行读取的输入文件（体系、引入文件、目录或 .hrss-std.yaml），不会用输出覆盖它', 'it is an input of this run (a system, include, catalog or .hrss-std.yaml); it is not overwritten with the output'],
  };
  const [zh, en] = why[e.code] ?? [e.message, e.message];
  return { zh: `无法写入 ${e.file}：${zh}`, en: `cannot write ${e.file}: ${en}` };
}
