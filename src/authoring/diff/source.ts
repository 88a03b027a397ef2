import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../catalog/types.js';
import { ConfigError, loadConfig, type Config } from '../../config/config.js';
import type { Text } from '../../i18n/index.js';
import { loadSystem, type StageFinding } from '../../system/load.js';
import type { StandardSystem } from '../../model/types.js';
import { makeTempDir, type TempDir } from '../../util/tempdir.js';
import { discoverSystems } from '../../load/discover.js';
import { catalogFor } from '../../pipeline/validate.js';

/** One system on one side of a diff. */
export interface SideSystem {
  /** system.yaml relative to the side's working folder ("systems/demo/system.yaml") */
  file: string;
  system: StandardSystem;
  catalog?: Catalog;
}

export interface Side {
  /** what the user named: a path, or a revision with its short hash ("HEAD~1 (3f2a9c1)") */
  label: string;
  systems: SideSystem[];
  /** files that did not load (syntax errors…): the diff of that system is incomplete */
  broken: string[];
}

export class DiffSourceError extends Error {
  constructor(readonly text: Text, readonly hint?: Text) {
    super(text.en);
  }
}

function git(args: string[], cwd: string, input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Load every system below `cwd` the way validate finds them (no rules: the model is enough). */
function loadSide(label: string, args: string[], cwd: string, config: Config, allowEmpty = false): Side {
  const { files, missing } = discoverSystems(args, cwd, config.systems, config.dir);
  // A revision from before the first system is a valid "nothing yet"; a named path must hold a system.
  if (missing.length || (files.length === 0 && !allowEmpty)) {
    throw new DiffSourceError(
      { zh: `${label}：没有找到标准体系`, en: `${label}: no standard system found` },
      { zh: '给出体系目录、system.yaml，或 git 修订版本（如 HEAD~1）', en: 'name a system folder, a system.yaml, or a git revision (e.g. HEAD~1)' },
    );
  }
  const side: Side = { label, systems: [], broken: [] };
  for (const f of files) {
    const loaded = loadSystem(f, { limits: config.limits, cwd, skipSchema: true });
    const display = loaded.files[0]?.display ?? f;
    if (!loaded.system) {
      side.broken.push(display);
      continue;
    }
    if (loaded.findings.some((x) => x.rule === 'yaml-syntax' || x.rule === 'include-error' || x.rule === 'file-error')) side.broken.push(display);
    const stage: StageFinding[] = [];
    const { catalog } = catalogFor(loaded.system, config, cwd, stage);
    side.systems.push({ file: display, system: loaded.system, catalog });
  }
  return side;
}

/** Why a tree entry cannot be materialised, or null when its path is a plain relative path. */
export function badTreePath(p: string): Text | null {
  if (p.startsWith('/')) return { zh: '绝对路径', en: 'an absolute path' };
  for (const part of p.split('/')) {
    if (part === '' ) return { zh: '空的路径段', en: 'an empty path segment' };
    if (part === '.' || part === '..') return { zh: `路径段 “${part}”`, en: `the path segment "${part}"` };
    // ".git", also as Windows and macOS would read it (".GIT", ".git.", ".git ")
    if (/^\.git[. ]*$/i.test(part)) return { zh: '“.git” 路径段', en: 'a ".git" path segment' };
    if (/[\\\x00-\x1f\x7f]/.test(part)) return { zh: '反斜杠或控制字符', en: 'a backslash or control character' };
  }
  return null;
}

/** Everything `materialize` copies out of one revision, in total (the loader's own limits apply per file). */
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

function treeError(rev: string, p: string, why: Text): DiffSourceError {
  const shown = JSON.stringify(p);
  return new DiffSourceError(
    { zh: `修订版本 ${rev.slice(0, 7)} 的目录树中有异常条目 ${shown}：${why.zh}；拒绝读取`, en: `revision ${rev.slice(0, 7)} has an odd tree entry ${shown}: ${why.en}; refused` },
    { zh: '正常的 git 仓库不会有这样的条目；检查该提交的来源', en: 'an ordinary git repository cannot hold such an entry; check where this commit came from' },
  );
}

/**
 * Copy the YAML files of `rev` into a temporary folder (one `git cat-file --batch` for all of them),
 * so the ordinary loader reads the revision, includes and relative catalogs included.
 * The tree is untrusted (a pull request can craft it with `git mktree`): every path is checked
 * and confined to the folder, duplicates and file/folder clashes are refused, and sizes are
 * checked from the listing before any blob is read.
 */
function materialize(rev: string, repoRoot: string, maxFileBytes: number): TempDir {
  // -l gives each blob's size in the same call (what `git cat-file -s` would say), before anything is read
  const listing = git(['ls-tree', '-r', '-l', '-z', '--full-tree', rev], repoRoot).toString('utf8');
  const blobs: { sha: string; path: string; size: number }[] = [];
  const files = new Set<string>();
  const dirs = new Set<string>();
  let total = 0;
  for (const rec of listing.split('\0')) {
    if (!rec) continue;
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(rec);
    if (!m) throw treeError(rev, rec, { zh: '无法解析', en: 'unparsable' });
    const [, mode, type, sha, sizeText, p] = m as unknown as [string, string, string, string, string, string];
    const why = badTreePath(p);
    if (why) throw treeError(rev, p, why);
    const key = p;
    if (files.has(key) || dirs.has(key)) throw treeError(rev, p, { zh: '重复的条目', en: 'a duplicate entry' });
    files.add(key);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (files.has(d)) throw treeError(rev, p, { zh: `“${d}” 既是文件又是目录`, en: `"${d}" is both a file and a folder` });
      dirs.add(d);
    }
    // regular files only: a symlink (120000) or submodule entry is not YAML content
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !/\.ya?ml$/i.test(p)) continue;
    const size = Number(sizeText);
    if (size > maxFileBytes) {
      throw new DiffSourceError(
        { zh: `修订版本 ${rev.slice(0, 7)} 中的 ${p} 有 ${size} 字节，超过单个文件上限 ${maxFileBytes} 字节；拒绝读取`, en: `${p} in revision ${rev.slice(0, 7)} is ${size} bytes, over the per-file limit of ${maxFileBytes} bytes; refused` },
        { zh: '上限见 .hrss-std.yaml 的 limits.max_file_bytes', en: 'the limit is limits.max_file_bytes in .hrss-std.yaml' },
      );
    }
    total += size;
    if (total > MAX_TOTAL_BYTES) {
      throw new DiffSourceError(
        { zh: `修订版本 ${rev.slice(0, 7)} 的 YAML 文件合计超过 ${MAX_TOTAL_BYTES} 字节；拒绝读取`, en: `the YAML files of revision ${rev.slice(0, 7)} exceed ${MAX_TOTAL_BYTES} bytes in total; refused` },
      );
    }
    blobs.push({ sha, path: p, size });
  }
  const tmp = makeTempDir('hrss-std-diff-');
  try {
    if (blobs.length === 0) return tmp;
    const out = git(['cat-file', '--batch'], repoRoot, Buffer.from(blobs.map((b) => b.sha).join('\n') + '\n'));
    let at = 0;
    const root = tmp.dir + path.sep;
    for (const b of blobs) {
      const nl = out.indexOf(0x0a, at);
      const header = out.subarray(at, nl).toString('utf8');
      const size = Number(header.split(' ')[2]);
      if (nl < 0 || size !== b.size) throw treeError(rev, b.path, { zh: '内容与目录树不符', en: 'content does not match the tree' });
      const content = out.subarray(nl + 1, nl + 1 + size);
      at = nl + 1 + size + 1;
      const abs = path.resolve(tmp.dir, ...b.path.split('/'));
      // belt and braces: the checks above already make this impossible
      if (!abs.startsWith(root)) throw treeError(rev, b.path, { zh: '路径越出临时目录', en: 'the path leaves the temporary folder' });
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content, { flag: 'wx' });
    }
    return tmp;
  } catch (e) {
    tmp.remove();
    if (e instanceof DiffSourceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DiffSourceError(
      { zh: `无法把修订版本 ${rev.slice(0, 7)} 写入临时目录（${code ?? (e as Error).message}）`, en: `could not copy revision ${rev.slice(0, 7)} into a temporary folder (${code ?? (e as Error).message})` },
      code === 'ENOSPC' ? { zh: '临时目录所在磁盘已满；腾出空间或用 TMPDIR 指向别处', en: 'the disk holding the temporary folder is full; free space or point TMPDIR elsewhere' } : undefined,
    );
  }
}

export interface Resolved {
  side: Side;
  cleanup: () => void;
}

/**
 * A diff side: an existing path (folder or system.yaml), else a git revision of the repository
 * containing `cwd`. A path wins when both exist.
 */
export function resolveSide(spec: string, cwd: string, config: Config): Resolved {
  if (existsSync(path.resolve(cwd, spec))) {
    return { side: loadSide(spec, [spec], cwd, config), cleanup: () => {} };
  }
  let root: string;
  let prefix: string;
  let sha: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
    prefix = git(['rev-parse', '--show-prefix'], cwd).toString('utf8').trim();
  } catch {
    throw new DiffSourceError(
      { zh: `“${spec}” 不是存在的路径，当前目录也不在 git 仓库中`, en: `"${spec}" is not an existing path, and the current folder is not in a git repository` },
      { zh: '给出两个体系目录，或在 git 仓库中给出修订版本（如 HEAD~1 HEAD）', en: 'give two system folders, or two revisions inside a git repository (e.g. HEAD~1 HEAD)' },
    );
  }
  try {
    sha = git(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], cwd).toString('utf8').trim();
  } catch {
    throw new DiffSourceError(
      { zh: `“${spec}” 既不是存在的路径，也不是 git 修订版本`, en: `"${spec}" is neither an existing path nor a git revision` },
      { zh: '例如 HEAD~1、main、v1.0 或某次提交的哈希', en: 'e.g. HEAD~1, main, v1.0 or a commit hash' },
    );
  }
  let tmp: TempDir;
  try {
    tmp = materialize(sha, root, config.limits.maxFileBytes);
  } catch (e) {
    if (e instanceof DiffSourceError) throw e;
    throw new DiffSourceError(
      { zh: `无法读取修订版本 ${sha.slice(0, 7)}：${(e as Error).message.split('\n')[0]}`, en: `could not read revision ${sha.slice(0, 7)}: ${(e as Error).message.split('\n')[0]}` },
    );
  }
  const dir = tmp.dir;
  const cleanup = tmp.remove;
  try {
    const sideCwd = path.join(dir, prefix);
    mkdirSync(sideCwd, { recursive: true });
    // The revision's own .hrss-std.yaml decides where its systems are; a broken one falls back to today's.
    let cfg: Config;
    try {
      cfg = loadConfig(sideCwd);
      // only the revision's own config counts, not one found above the temporary folder
      if (!cfg.file || path.relative(dir, cfg.file).startsWith('..')) cfg = { ...config, dir: sideCwd };
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      cfg = { ...config, dir: sideCwd };
    }
    cfg = { ...cfg, limits: config.limits };
    return { side: loadSide(`${spec} (${sha.slice(0, 7)})`, [], sideCwd, cfg, true), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
