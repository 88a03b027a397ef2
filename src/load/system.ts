import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../diagnostics/types.js';
import type { Limits } from '../config/config.js';
import { schemaFindings, type SchemaName } from '../schema/validate.js';
import { buildSystem } from '../model/build.js';
import type { StandardSystem } from '../model/types.js';
import { InputError, readSource, type SourceFile } from './source.js';
import { parseYaml, scanSuppressions, YamlSyntaxError } from './yaml.js';

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

/** A stand-in SourceFile for a file that could not be read, so findings can still name it. */
export function placeholderFile(abs: string, cwd: string): SourceFile {
  const rel = path.relative(cwd, abs);
  return { abs, display: (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/'), text: '' };
}

export function inputErrorFinding(e: InputError, file: SourceFile): StageFinding {
  const d = e.detail;
  switch (e.kind) {
    case 'encoding':
      return {
        rule: 'encoding',
        finding: {
          message: { zh: `文件不是 UTF-8 编码（看起来是 ${String(d.encoding)}）`, en: `the file is not UTF-8 (it looks like ${String(d.encoding)})` },
          hint: { zh: '请用 UTF-8 另存该文件（记事本/WPS：另存为 → 编码 UTF-8；或 iconv -f GB18030 -t UTF-8）', en: 'save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)' },
          at: { file, offset: 0 },
        },
      };
    case 'binary':
      return {
        rule: 'encoding',
        finding: {
          message: { zh: '文件含有二进制内容（NUL 字节），不是 YAML 文本', en: 'the file holds binary data (NUL bytes), not YAML text' },
          hint: { zh: '检查是否误把 Excel/Word 文件改成了 .yaml', en: 'check that an Excel/Word file was not renamed to .yaml' },
          at: { file, offset: 0 },
        },
      };
    case 'too-large':
      return {
        rule: 'file-error',
        finding: {
          message: { zh: `文件过大：${String(d.size)} 字节，上限 ${String(d.max)}`, en: `file too large: ${String(d.size)} bytes, limit ${String(d.max)}` },
          hint: { zh: '用 include: 拆分文件，或在 .hrss-std.yaml 的 limits.max_file_bytes 中调高上限', en: 'split it with include:, or raise limits.max_file_bytes in .hrss-std.yaml' },
          at: { file, offset: 0 },
        },
      };
    case 'directory':
      return {
        rule: 'file-error',
        finding: { message: { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' }, at: { file, offset: 0 } },
      };
    case 'not-found':
      return {
        rule: 'file-error',
        finding: { message: { zh: '文件不存在', en: 'file not found' }, at: { file, offset: 0 } },
      };
    default:
      return {
        rule: 'file-error',
        finding: {
          message: { zh: `无法读取文件（${String(d.code ?? e.kind)}）`, en: `cannot read the file (${String(d.code ?? e.kind)})` },
          hint: { zh: '检查文件权限', en: 'check the file permissions' },
          at: { file, offset: 0 },
        },
      };
  }
}

export function syntaxFinding(e: YamlSyntaxError, file: SourceFile): StageFinding {
  switch (e.reason) {
    case 'duplicate-key':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: '重复的键（同一映射中出现两次）', en: 'duplicate key in a mapping' },
          hint: { zh: '删除或合并重复的键；YAML 中后一个会覆盖前一个，容易丢数据', en: 'remove or merge the duplicate; YAML would silently keep only one' },
          at: { file, offset: e.offset },
        },
      };
    case 'too-deep':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `嵌套层级过深（上限 ${e.detail}）`, en: `nesting too deep (limit ${e.detail})` },
          hint: { zh: '标准体系通常不超过 6 层；可在 limits.max_depth 中调整上限', en: 'systems rarely nest beyond 6 levels; see limits.max_depth' },
          at: { file, offset: e.offset },
        },
      };
    case 'too-many-aliases':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `别名（*引用）过多（上限 ${e.detail}），已拒绝以防“别名炸弹”`, en: `too many aliases (limit ${e.detail}); refused to guard against alias bombs` },
          hint: { zh: '请直接写出内容，或在 limits.max_aliases 中调整上限', en: 'write the content out, or raise limits.max_aliases' },
          at: { file, offset: e.offset },
        },
      };
    default:
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `YAML 语法错误：${e.detail}`, en: `YAML syntax error: ${e.detail}` },
          hint: { zh: '检查缩进（只能用空格）、冒号后的空格和引号是否成对', en: 'check indentation (spaces only), the space after colons, and matching quotes' },
          at: { file, offset: e.offset },
        },
      };
  }
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
  if (!root.ok || root.value === null || typeof root.value !== 'object' || Array.isArray(root.value)) {
    if (root.ok && root.value !== null && root.value !== undefined) {
      // schema already reported "must be a mapping"
    }
    return { files, findings: out.findings, ioError: out.ioError };
  }
  const dir = path.dirname(root.file.abs);
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    realDir = dir;
  }
  const active: string[] = [root.file.abs];
  const loaded = new Map<string, { file: SourceFile; raw?: Record<string, unknown> }>();

  const resolveInclude: IncludeResolver = (node, from) => {
    const inc = node.include;
    if (typeof inc !== 'string' || !inc) return undefined;
    const at = { file: from, node, key: 'include' };
    const target = path.resolve(path.dirname(from.abs), inc);
    const fail = (zh: string, en: string, hzh: string, hen: string) => {
      out.findings.push({ rule: 'include-error', finding: { message: { zh, en }, hint: { zh: hzh, en: hen }, at } });
      return undefined;
    };
    const rel = path.relative(dir, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      return fail(`引入路径 “${inc}” 离开了体系目录`, `include path "${inc}" leaves the system folder`,
        '被引入的文件必须位于 system.yaml 所在目录或其子目录内', 'included files must be inside the folder of system.yaml');
    }
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      return fail(`引入的文件不存在：${inc}`, `included file not found: ${inc}`,
        '检查文件名和相对路径（相对于当前文件）', 'check the name and the path (relative to this file)');
    }
    const realRel = path.relative(realDir, real);
    if (realRel.startsWith('..') || path.isAbsolute(realRel)) {
      return fail(`引入路径 “${inc}” 经符号链接指向体系目录之外`, `include "${inc}" follows a symbolic link out of the system folder`,
        '请把文件复制到体系目录内，而不是链接', 'copy the file into the system folder instead of linking it');
    }
    if (active.includes(target)) {
      const chain = [...active.slice(active.indexOf(target)), target].map((p) => path.relative(dir, p)).join(' → ');
      return fail(`循环引入：${chain}`, `include loop: ${chain}`, '去掉其中一个 include:', 'remove one of the include: entries');
    }
    if (loaded.has(target)) {
      return fail(`文件 “${inc}” 已被引入过一次`, `"${inc}" is already included elsewhere`,
        '同一文件只能引入一次，否则其中的标准会重复', 'a file may be included only once, or its rows would be duplicated');
    }
    if (files.length >= opts.limits.maxFiles) {
      return fail(`文件数超过上限 ${opts.limits.maxFiles}`, `more than ${opts.limits.maxFiles} files`,
        '可在 limits.max_files 中调整', 'see limits.max_files');
    }
    const r = readYamlFile(target, opts, 'include', out);
    files.push(r.file);
    const raw = r.ok && r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Record<string, unknown>) : undefined;
    loaded.set(target, { file: r.file, raw });
    return raw ? { file: r.file, raw } : undefined;
  };

  const system = buildSystem(root.value as Record<string, unknown>, root.file, dir, files, resolveInclude, active);
  return { system, files, findings: out.findings, ioError: out.ioError };
}
