import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalog } from '../../catalog/types.js';
import { ConfigError, loadConfig, type Config } from '../../config/config.js';
import type { Text } from '../../i18n/index.js';
import { loadSystem, type StageFinding } from '../../system/load.js';
import type { StandardSystem } from '../../model/types.js';
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

/**
 * Copy the YAML files of `rev` into a temporary folder (one `git cat-file --batch` for all of them),
 * so the ordinary loader reads the revision, includes and relative catalogs included.
 */
function materialize(rev: string, repoRoot: string): string {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', rev], repoRoot).toString('utf8');
  const blobs: { sha: string; path: string }[] = [];
  for (const rec of listing.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(rec);
    if (m && /\.ya?ml$/i.test(m[2]!)) blobs.push({ sha: m[1]!, path: m[2]! });
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-diff-'));
  if (blobs.length === 0) return dir;
  const out = git(['cat-file', '--batch'], repoRoot, Buffer.from(blobs.map((b) => b.sha).join('\n') + '\n'));
  let at = 0;
  for (const b of blobs) {
    const nl = out.indexOf(0x0a, at);
    const header = out.subarray(at, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    const content = out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    const abs = path.join(dir, ...b.path.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
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
  const dir = materialize(sha, root);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
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
