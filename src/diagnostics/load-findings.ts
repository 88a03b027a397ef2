import type { StageFinding } from '../system/load.js';
import type { InputError, SourceFile } from '../load/source.js';
import { reasonZh, type YamlSyntaxError } from '../load/yaml.js';

/** Bilingual, located findings for files that cannot be read or parsed (shared by systems, catalogs and the config). */
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
    default: {
      const code = String(d.code ?? e.kind);
      const why = READ_ERRORS[code] ?? [code, code];
      return {
        rule: 'file-error',
        finding: {
          message: { zh: `无法读取文件：${why[0]}`, en: `cannot read the file: ${why[1]}` },
          hint: { zh: '检查文件权限，或文件是否被其他程序独占', en: 'check the permissions, or whether another program holds the file' },
          at: { file, offset: 0 },
        },
      };
    }
  }
}

const READ_ERRORS: Record<string, [string, string]> = {
  EACCES: ['没有读取权限（EACCES）', 'permission denied (EACCES)'],
  EPERM: ['没有读取权限（EPERM）', 'permission denied (EPERM)'],
  ELOOP: ['符号链接循环（ELOOP）', 'a loop of symbolic links (ELOOP)'],
  ENOTDIR: ['路径中有一段不是目录（ENOTDIR）', 'a part of the path is not a folder (ENOTDIR)'],
  EBUSY: ['文件被占用（EBUSY）', 'the file is busy (EBUSY)'],
  EIO: ['读写错误（EIO）', 'I/O error (EIO)'],
  ERR_INVALID_ARG_VALUE: ['路径中含有文件名不允许的字符（如 NUL）', 'the path holds a character file names cannot have (NUL)'],
  'not a regular file': ['不是普通文件（可能是管道或设备）', 'not a regular file (a pipe or a device?)'],
};

/** The key a duplicate-key error points at, and where the same key first appears in that mapping (block style). */
function duplicateKeyContext(text: string, offset: number): { key?: string; first?: number } {
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n{}[\],]*?)[ \t]*:/.exec(text.slice(offset, offset + 500));
  const key = m?.[1]?.trim();
  if (!key) return {};
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const col = offset - lineStart;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.slice(col).startsWith(key) && /^[ \t]*:/.test(line.slice(col + key.length)) && /^[ \t-]*$/.test(line.slice(0, col))) {
      return { key, first: start + col };
    }
    // the `- ` that starts this mapping as a list item: nothing above belongs to it
    if (/^[ \t]*-[ \t]+$/.test(line.slice(0, col))) break;
    const indent = line.search(/\S/);
    if (indent !== -1 && indent < col && line[indent] !== '#' && !/^[ \t-]*$/.test(line.slice(0, col))) break;
  }
  return { key };
}

export function syntaxFinding(e: YamlSyntaxError, file: SourceFile): StageFinding {
  switch (e.reason) {
    case 'duplicate-key': {
      const { key, first } = duplicateKeyContext(file.text, e.offset);
      const shown = key && /^["']/.test(key) ? key.slice(1, -1) : key;
      const name = shown ? ` “${shown}”` : '';
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `重复的键${name}（同一映射中出现两次）`, en: `duplicate key${shown ? ` "${shown}"` : ''} in a mapping` },
          hint: { zh: '删除或合并重复的键；YAML 只会保留其中一个值，另一个会丢失', en: 'remove or merge the duplicate; YAML would silently keep only one of the values' },
          at: { file, offset: e.offset },
          related: first !== undefined ? [{ at: { file, offset: first }, message: { zh: '第一次出现在这里', en: 'first defined here' } }] : undefined,
        },
      };
    }
    case 'too-deep':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: e.detail === 'stack'
            ? { zh: '嵌套层级过深，超出了解析器的承受能力', en: 'nesting too deep for the parser' }
            : { zh: `嵌套层级过深（上限 ${e.detail}）`, en: `nesting too deep (limit ${e.detail})` },
          hint: { zh: '标准体系通常不超过 6 层；确需更深时可在 .hrss-std.yaml 的 limits.max_depth 中调高上限', en: 'systems rarely nest beyond 6 levels; raise limits.max_depth in .hrss-std.yaml if you really need more' },
          at: { file, offset: e.offset },
        },
      };
    case 'too-many-aliases':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: {
            zh: `别名（*引用）展开后的内容过多（上限 ${e.detail} 个节点），已拒绝以防“别名炸弹”`,
            en: `aliases (*name) expand to too much content (limit ${e.detail} nodes); refused to guard against alias bombs`,
          },
          hint: { zh: '请直接写出内容，或在 .hrss-std.yaml 的 limits.max_aliases 中调高上限', en: 'write the content out, or raise limits.max_aliases in .hrss-std.yaml' },
          at: { file, offset: e.offset },
        },
      };
    case 'recursive-alias':
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `别名 ${e.detail} 出现在它所引用的锚点内部（循环引用）`, en: `alias ${e.detail} is inside the node it refers to (a cycle)` },
          hint: { zh: '别名只能引用已经完整写出的内容', en: 'an alias may only repeat a node that is already complete' },
          at: { file, offset: e.offset },
        },
      };
    default: {
      const colon = fullWidthColonBefore(file.text, e.offset);
      if (colon !== undefined) {
        return {
          rule: 'yaml-syntax',
          finding: {
            message: { zh: 'YAML 语法错误：键后面用了全角冒号“：”', en: 'YAML syntax error: a full-width colon "：" after a key' },
            hint: { zh: '改为半角冒号加空格“: ”（从 Word/Excel 粘贴或中文输入法常带入全角冒号）', en: 'use an ASCII colon and a space ": " (pasting from Word/Excel or a Chinese IME brings in "：")' },
            at: { file, offset: colon },
          },
        };
      }
      if (/non-printable/.test(e.detail)) {
        // name the invisible character, so it can be found in an editor
        const code = `U+${(file.text.codePointAt(e.offset) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
        return {
          rule: 'yaml-syntax',
          finding: {
            message: { zh: `文件含有不可打印的控制字符（${code}）`, en: `the file holds a non-printable control character (${code})` },
            hint: { zh: '多为从 Word/Excel 粘贴带入；删除该字符后重新输入这一处', en: 'usually pasted in from Word/Excel; delete it and retype that spot' },
            at: { file, offset: e.offset },
          },
        };
      }
      return {
        rule: 'yaml-syntax',
        finding: {
          message: { zh: `YAML 语法错误：${reasonZh(e.detail)}`, en: `YAML syntax error: ${e.detail}` },
          hint: { zh: '检查缩进（只能用空格）、冒号后的空格和引号是否成对', en: 'check indentation (spaces only), the space after colons, and matching quotes' },
          at: { file, offset: e.offset },
        },
      };
    }
  }
}


/**
 * A key written with a full-width colon (`title：湛江`) on the error's line or
 * just above it: YAML reads it as text and fails somewhere later, so point at the colon.
 */
function fullWidthColonBefore(text: string, offset: number): number | undefined {
  const lineEnd = text.indexOf('\n', offset);
  let end = lineEnd === -1 ? text.length : lineEnd;
  for (let n = 0; n < 6 && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const m = /^([ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*)：/.exec(text.slice(start, end));
    if (m) return start + m[1]!.length;
    end = start - 1;
  }
  return undefined;
}
