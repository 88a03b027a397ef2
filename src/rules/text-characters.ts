import type { Finding } from '../diagnostics/types.js';
import type { SourceFile } from '../load/source.js';
import { allStandards, walkNodes } from '../model/types.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

/**
 * Characters XML 1.0 cannot hold (C0 controls other than TAB, LF and CR; U+FFFE, U+FFFF; lone
 * surrogates), so neither the .xlsx nor the .docx can: the exporters write U+FFFD instead
 * (util/xml.ts, export/zip.ts). DEL and the C1 controls are allowed by XML but shown by
 * neither Excel nor Word; they come from the same pasted escapes.
 */
const UNHOLDABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The part of UNHOLDABLE that the exporters replace by U+FFFD (one character, tested alone). */
const XML_INVALID = /^(?:[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF])$/;

/** The code point found, written as U+XXXX. */
const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Keys whose values are other nodes and rows: they are checked as their own roots. */
const CHILD_KEYS = new Set(['subsystems', 'standards']);

/**
 * js-yaml refuses these characters written as themselves (all but NEL, U+0085), so they reach a
 * value only through an escape in a double-quoted scalar (`"\uFFFE"`, `"\x01"`, `"\e"`): a file
 * with neither a backslash nor a NEL holds none, and at 100,000 rows no value is looked at.
 */
function mayHoldEscapes(file: SourceFile, seen: Map<SourceFile, boolean>): boolean {
  let v = seen.get(file);
  if (v === undefined) seen.set(file, (v = file.text.includes('\\') || file.text.includes('\u0085')));
  return v;
}

export const textCharacters: Rule = {
  id: 'text-characters',
  severity: 'error',
  description: { zh: '文字中有 Excel、Word 文件无法保存的控制字符或非字符', en: 'a text holds a control character or non-character that the Excel and Word files cannot hold' },
  docs: {
    zh: 'YAML 双引号字符串中的转义（如 `"\\uFFFE"`、`"\\x01"`、`"\\e"`）可以写出控制字符、非字符 U+FFFE/U+FFFF 或孤立的代理项。其中 C0 控制字符（制表符和换行以外）、非字符和孤立代理项 XML 无法保存，导出时只能替换为 “�”，文件就与 YAML 不一致了；DEL 和 C1 控制字符（U+007F–U+009F）XML 虽能保存，Excel、Word 中却不显示。它们都不是标准名称或说明中应有的文字，多为从其他系统复制时带入。请删去该转义；需要换行或制表时用 `\\n`、`\\t`。',
    en: 'Escapes in YAML double-quoted strings (such as `"\\uFFFE"`, `"\\x01"`, `"\\e"`) can produce control characters, the non-characters U+FFFE/U+FFFF or lone surrogates. XML cannot hold the C0 controls (other than tab and line breaks), the non-characters or lone surrogates, so an export can only write "�" in their place and the files would differ from the YAML; DEL and the C1 controls (U+007F–U+009F) XML can hold, but Excel and Word do not show them. None of them belongs in a title or note; they usually come from text copied out of another system. Delete the escape; use `\\n` or `\\t` for a line break or tab.',
  },
  pointsAt: { zh: '含该字符的值', en: 'the value holding the character' },
  example: {
    in: 'rows',
    bad: yaml`
      - code: "101-01"
        title: "公共就业服务\\x01术语"      # \\x01 是控制字符
        level: local
        status: planned
    `,
    good: yaml`
      - code: "101-01"
        title: 公共就业服务术语
        level: local
        status: planned
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    const seen = new Map<SourceFile, boolean>();
    // `field`: the nearest key that is a name (the `services` of services[2])
    const visit = (value: unknown, file: SourceFile, holder: object, key: string | number, field: string, depth: number): void => {
      if (typeof value === 'string') {
        const m = UNHOLDABLE.exec(value);
        if (m) {
          const cp = codePoint(m[0]);
          out.push({
            message: { zh: `${field} 中有导出文件无法保存的字符 ${cp}`, en: `${field} holds ${cp}, which the exported files cannot hold` },
            hint: XML_INVALID.test(m[0])
              ? { zh: '删去这个转义（多为复制时带入）；用 --force 导出时它写为 “�”', en: 'delete the escape (usually pasted in); with --force the export writes "�" for it' }
              : { zh: '删去这个转义（多为复制时带入）；Excel、Word 中不显示这个字符', en: 'delete the escape (usually pasted in); Excel and Word do not show this character' },
            at: { file, node: holder, key },
          });
        }
        return;
      }
      if (value === null || typeof value !== 'object' || depth > 64) return;
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, file, value, i, field, depth + 1));
      else for (const [k, v] of Object.entries(value)) visit(v, file, value, k, k, depth + 1);
    };
    // a node's (or the system's) child nodes and rows are roots of their own
    const root = (raw: Record<string, unknown> | undefined, file: SourceFile | undefined) => {
      if (!raw || !file || !mayHoldEscapes(file, seen)) return;
      for (const [k, v] of Object.entries(raw)) if (!CHILD_KEYS.has(k)) visit(v, file, raw, k, k, 1);
    };
    root(system.raw, system.file);
    for (const node of walkNodes(system.subsystems)) {
      root(node.raw, node.file);
      root(node.bodyRaw, node.bodyFile);
    }
    for (const row of allStandards(system)) root(row.raw, row.file);
    return out;
  },
};
