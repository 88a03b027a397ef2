import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../diagnostics/types.js';
import type { Limits } from '../config/config.js';
import { schemaFindings, type SchemaName } from '../schema/validate.js';
import { buildSystem } from '../model/build.js';
import type { StandardSystem } from '../model/types.js';
import { inputErrorFinding, syntaxFinding } from '../diagnostics/load-findings.js';
import { displayPath, InputError, readSource, type SourceFile } from '../load/source.js';
import { parseYaml, scanSuppressions, YamlSyntaxError } from '../load/yaml.js';

export { inputErrorFinding, syntaxFinding };

/** A finding from the load/schema stages, tagged with its rule id. */
export interface StageFinding {
  rule: string;
  finding: Finding;
}

export interface LoadedSystem {
  /** undefined when system.yaml itself could not be read or parsed */
  system?: StandardSystem;
  files: SourceFile[];
  findings: StageFinding[];
  /** true when a file could not be read at all (I/O): exit code 2 */
  ioError: boolean;
}

export interface LoadOptions {
  limits: Limits;
  cwd: string;
  /** skip JSON-schema validation (never used by validate; for callers that only need the model) */
  skipSchema?: boolean;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** Is `p` the folder `dir` itself or below it? (`..notes.yaml` is inside; `../x` is not.) */
function inside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** A stand-in SourceFile for a file that could not be read, so findings can still name it. */
export function placeholderFile(abs: string, cwd: string): SourceFile {
  return { abs, display: displayPath(abs, cwd), text: '' };
}

/** Read and parse one YAML file; problems become findings instead of exceptions. */
export function readYamlFile(
  abs: string,
  opts: LoadOptions,
  schema: SchemaName | undefined,
  out: { findings: StageFinding[]; ioError: boolean },
): { file: SourceFile; value?: unknown; ok: boolean } {
  let file: SourceFile;
  try {
    file = readSource(abs, { maxBytes: opts.limits.maxFileBytes, cwd: opts.cwd });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const f = placeholderFile(abs, opts.cwd);
    const sf = inputErrorFinding(e, f);
    if (sf.rule === 'file-error') out.ioError = true;
    out.findings.push(sf);
    return { file: f, ok: false };
  }
  let value: unknown;
  try {
    value = parseYaml(file, opts.limits);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    out.findings.push(syntaxFinding(e, file));
    return { file, ok: false };
  }
  scanSuppressions(file);
  if (schema && !opts.skipSchema) {
    for (const finding of schemaFindings(schema, value, file)) out.findings.push({ rule: 'schema', finding });
  }
  return { file, value, ok: true };
}

/** Resolves `include:` paths: relative to the including file, inside the system folder, no loops. */
export interface IncludeResolver {
  (node: Record<string, unknown>, from: SourceFile): { file: SourceFile; raw: Record<string, unknown> } | undefined;
}

/** load → schema for one system: system.yaml and every file it includes. */
export function loadSystem(systemFile: string, opts: LoadOptions): LoadedSystem {
  const out = { findings: [] as StageFinding[], ioError: false };
  const files: SourceFile[] = [];
  const root = readYamlFile(path.resolve(opts.cwd, systemFile), opts, 'system', out);
  files.push(root.file);
  // Not a mapping: the schema stage already said so; there is no tree to build.
  if (!root.ok || root.value === null || typeof root.value !== 'object' || Array.isArray(root.value)) {
    return { files, findings: out.findings, ioError: out.ioError };
  }
  const dir = path.dirname(root.file.abs);
  const realDir = realOrSelf(dir);
  const active: string[] = [root.file.abs];
  /** real path of every file read so far (symbolic links resolved), for loops and double includes */
  const realOf = new Map<string, string>([[root.file.abs, realOrSelf(root.file.abs)]]);
  const loaded = new Set<string>([realOf.get(root.file.abs)!]);

  const resolveInclude: IncludeResolver = (node, from) => {
    const inc = node.include;
    if (typeof inc !== 'string' || !inc) return undefined;
    const at = { file: from, node, key: 'include' };
    const target = path.resolve(path.dirname(from.abs), inc);
    const fail = (zh: string, en: string, hzh: string, hen: string) => {
      out.findings.push({ rule: 'include-error', finding: { message: { zh, en }, hint: { zh: hzh, en: hen }, at } });
      return undefined;
    };
    if (!inside(dir, target)) {
      return fail(`引入路径 “${inc}” 离开了体系目录`, `include path "${inc}" leaves the system folder`,
        '被引入的文件必须位于 system.yaml 所在目录或其子目录内', 'included files must be inside the folder of system.yaml');
    }
    let real: string;
    try {
      real = realpathSync.native(target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        return fail(`引入路径 “${inc}” 是循环的符号链接`, `include "${inc}" is a loop of symbolic links`,
          '把链接换成真实文件', 'replace the link with the real file');
      }
      if (code === 'EACCES' || code === 'EPERM') {
        out.ioError = true; // the file may well exist: an I/O problem, exit code 2
        return fail(`无法访问引入的文件 “${inc}”：没有权限（${code}）`, `cannot reach the included file "${inc}": permission denied (${code})`,
          '检查该文件及其所在目录的权限', 'check the permissions of the file and its folders');
      }
      return fail(`引入的文件不存在：${inc}`, `included file not found: ${inc}`,
        '检查文件名和相对路径（相对于当前文件）', 'check the name and the path (relative to this file)');
    }
    if (!inside(realDir, real)) {
      return fail(`引入路径 “${inc}” 经符号链接指向体系目录之外`, `include "${inc}" follows a symbolic link out of the system folder`,
        '请把文件复制到体系目录内，而不是链接', 'copy the file into the system folder instead of linking it');
    }
    if (isDirectory(real)) {
      return fail(`引入的是目录而不是文件：${inc}`, `include names a folder, not a file: ${inc}`,
        '写出该目录下具体的 .yaml 文件名', 'name the .yaml file inside that folder');
    }
    const loopAt = active.findIndex((a) => realOf.get(a) === real);
    if (loopAt >= 0) {
      const chain = [...active.slice(loopAt), target].map((p) => path.relative(dir, p).split(path.sep).join('/')).join(' → ');
      return fail(`循环引入：${chain}`, `include loop: ${chain}`, '去掉其中一个 include:', 'remove one of the include: entries');
    }
    if (loaded.has(real)) {
      return fail(`文件 “${inc}” 已被引入过一次`, `"${inc}" is already included elsewhere`,
        '同一文件只能引入一次，否则其中的标准会重复', 'a file may be included only once, or its rows would be duplicated');
    }
    if (files.length >= opts.limits.maxFiles) {
      return fail(`文件数超过上限 ${opts.limits.maxFiles}`, `more than ${opts.limits.maxFiles} files`,
        '可在 limits.max_files 中调整', 'see limits.max_files');
    }
    const r = readYamlFile(target, opts, 'include', out);
    files.push(r.file);
    realOf.set(r.file.abs, real);
    loaded.add(real);
    const raw = r.ok && r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Record<string, unknown>) : undefined;
    return raw ? { file: r.file, raw } : undefined;
  };

  const system = buildSystem(root.value as Record<string, unknown>, root.file, dir, files, resolveInclude, active);
  return { system, files, findings: out.findings, ioError: out.ioError };
}
