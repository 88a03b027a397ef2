import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Finding } from '../diagnostics/types.js';
import type { SourceFile } from '../load/source.js';
import { editDistance } from '../util/text.js';
import { SCHEMAS_DIR } from '../util/paths.js';

export type SchemaName = 'system' | 'include' | 'catalog' | 'config';

const SCHEMA_NAMES: SchemaName[] = ['system', 'include', 'catalog', 'config'];

let ajv: Ajv2020 | undefined;
let precompiled: Record<SchemaName, ValidateFunction> | null | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * A real calendar date in YYYY-MM-DD (2018-13-45 is refused). Runs for every date of every row,
 * so it reads char codes instead of allocating a RegExp match and a month table per call.
 */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let y = 0, mo = 0, d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else d = d * 10 + c;
  }
  if (mo < 1 || mo > 12 || d < 1) return false;
  if (mo === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
}

const DATE_FORMAT = { type: 'string' as const, validate: isIsoDate };

function schemaTexts(): string[] {
  return SCHEMA_NAMES.map((name) => readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8'));
}

type CompiledModule = typeof import('./compiled/validators.cjs');

/**
 * The validators precompiled by bench/compile-schemas.js (src/schema/compiled/validators.cts,
 * built to CommonJS so it can be required here on first use: --version and --help never load it),
 * when they were generated from the schemas shipped beside this build: no ajv import and no
 * schema compile at start-up (~100 ms). null when a schema changed since, when running from
 * src/ (vitest), or with HRSS_STD_SCHEMA_RUNTIME=1: then ajv compiles the schemas.
 */
function getPrecompiled(): Record<SchemaName, ValidateFunction> | null {
  if (precompiled !== undefined) return precompiled;
  precompiled = null;
  if (process.env.HRSS_STD_SCHEMA_RUNTIME === '1') return precompiled;
  let mod: CompiledModule;
  try {
    mod = createRequire(import.meta.url)('./compiled/validators.cjs') as CompiledModule;
  } catch {
    return precompiled;
  }
  if (schemaTexts().join('\n') === mod.SCHEMA_TEXT) {
    precompiled = mod.createValidators({ date: DATE_FORMAT }) as Record<SchemaName, ValidateFunction>;
  }
  return precompiled;
}

/** True when validation runs on the precompiled validators (reported by npm run bench). */
export function usesPrecompiledSchemas(): boolean {
  return getPrecompiled() !== null;
}

function getAjv(): Ajv2020 {
  if (ajv) return ajv;
  // ajv is required on first use, so commands that never validate (--version, --help) start fast.
  const { Ajv2020: AjvClass } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // Keep these options identical to the ones in bench/compile-schemas.js.
  ajv = new AjvClass({ allErrors: true, strict: false, verbose: true });
  ajv.addFormat('date', DATE_FORMAT);
  for (const text of schemaTexts()) ajv.addSchema(JSON.parse(text));
  return ajv;
}

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = getPrecompiled()?.[name] ?? getAjv().getSchema(`https://hrss-std.github.io/schemas/${name}.schema.json`)!;
    compiled.set(name, v);
  }
  return v;
}

/** Validate a parsed document; each error becomes a located finding with a Chinese and English message. */
export function schemaFindings(name: SchemaName, value: unknown, file: SourceFile): Finding[] {
  if (value === undefined || value === null) {
    return [{
      message: { zh: '文件为空', en: 'the file is empty' },
      hint: { zh: '文件应为一个 YAML 映射（key: value）', en: 'the file should hold a YAML mapping (key: value)' },
      at: { file, offset: 0 },
    }];
  }
  const validate = validatorFor(name);
  if (validate(value)) return [];
  return collapse(validate.errors ?? []).map((e) => toFinding(e, value, file));
}

/** Drop errors that only restate another (enum+type on the same place; the `if` wrapper of an error). */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

function resolvePointer(root: unknown, pointer: string): { parent?: object; key?: string | number; node: unknown } {
  if (!pointer) return { node: root };
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: unknown = undefined;
  let node: unknown = root;
  let key: string | number | undefined;
  for (const p of parts) {
    parent = node;
    key = Array.isArray(node) ? Number(p) : p;
    node = (node as Record<string, unknown>)?.[key as string];
  }
  return { parent: parent as object, key, node };
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串', object: '映射（key: value）', array: '列表（- 项）', integer: '整数', number: '数字', boolean: '布尔值', null: '空值',
};

function describeType(v: unknown): { zh: string; en: string } {
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  return { zh: TYPE_ZH[t] ?? t, en: t };
}

function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) { bestD = d; best = o; }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}


function toFinding(e: ErrorObject, root: unknown, file: SourceFile): Finding {
  const { parent, key, node } = resolvePointer(root, e.instancePath);
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(根)';
  const at = parent ? { file, node: parent, key } : { file, node: (node as object) ?? undefined, offset: node && typeof node === 'object' ? undefined : 0 };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const k = String(p.missingProperty);
      return {
        message: { zh: `缺少必填字段 “${k}”`, en: `missing required key "${k}"` },
        hint: { zh: `在 ${where} 下添加 ${k}:`, en: `add ${k}: under ${where}` },
        at: { file, node: (node as object) ?? undefined },
      };
    }
    case 'additionalProperties': {
      const k = String(p.additionalProperty);
      const props = Object.keys(((e.parentSchema as { properties?: object })?.properties) ?? {});
      // Indentation pasted from Word/web pages: a full-width or no-break space becomes part of the key.
      const bare = k.replace(/^[\s\u3000\u00a0\ufeff\u200b]+|[\s\u3000\u00a0\ufeff\u200b]+$/g, '');
      if (bare !== k && props.includes(bare)) {
        return {
          message: { zh: `未知字段 “${k}”：键前后有空白字符`, en: `unknown key "${k}": blanks around the key` },
          hint: { zh: `应为 “${bare}”；缩进只能用半角空格（这里可能是全角空格或不换行空格）`, en: `it should be "${bare}"; indent with ASCII spaces only (this looks like a full-width or no-break space)` },
          at: { file, node: (node as object) ?? undefined, key: k, part: 'key' },
        };
      }
      const guess = closest(k, props);
      return {
        message: { zh: `未知字段 “${k}”`, en: `unknown key "${k}"` },
        hint: guess
          ? { zh: `是否应为 “${guess}”？`, en: `did you mean "${guess}"?` }
          : { zh: `允许的字段：${props.join('、')}`, en: `allowed keys: ${props.join(', ')}` },
        at: { file, node: (node as object) ?? undefined, key: k, part: 'key' },
      };
    }
    case 'type': {
      const want = String(p.type);
      const got = describeType(node);
      const quoteHint = want === 'string' && (typeof node === 'number' || typeof node === 'boolean');
      return {
        message: { zh: `${where} 应为${TYPE_ZH[want] ?? want}，实际为${got.zh}`, en: `${where} must be ${want}, got ${got.en}` },
        hint: quoteHint
          ? { zh: `请加引号，例如 "${String(node)}"（不加引号时前导零等会丢失）`, en: `quote it, e.g. "${String(node)}" (unquoted values lose leading zeros)` }
          : undefined,
        at,
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return {
        message: { zh: `${where} 的值 “${String(node)}” 不在允许范围内`, en: `${where}: "${String(node)}" is not an allowed value` },
        hint: { zh: `可用值：${allowed.join('、')}`, en: `allowed: ${allowed.join(', ')}` },
        at,
      };
    }
    case 'format':
      return {
        message: { zh: `${where} 不是有效日期：“${String(node)}”`, en: `${where} is not a valid date: "${String(node)}"` },
        hint: { zh: '日期格式为 YYYY-MM-DD，例如 2023-09-07', en: 'dates are YYYY-MM-DD, e.g. 2023-09-07' },
        at,
      };
    case 'pattern':
      return {
        message: { zh: `${where} 的格式不正确：“${String(node)}”`, en: `${where} has the wrong form: "${String(node)}"` },
        hint: { zh: `应匹配 ${String(p.pattern)}`, en: `must match ${String(p.pattern)}` },
        at,
      };
    case 'minLength':
    case 'minItems':
      return {
        message: { zh: `${where} 不能为空`, en: `${where} must not be empty` },
        at,
      };
    default:
      return {
        message: { zh: `${where}：${e.message ?? e.keyword}`, en: `${where}: ${e.message ?? e.keyword}` },
        at,
      };
  }
}
