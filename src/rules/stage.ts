import type { Rule } from './types.js';

/** Rules reported by the load and schema stages (no check function of their own). */
export const stageRules: Rule[] = [
  {
    id: 'file-error',
    severity: 'error',
    description: { zh: '文件无法读取（不存在、无权限、是目录或超过大小上限）', en: 'a file cannot be read (missing, no permission, a directory, or over the size limit)' },
    docs: {
      zh: '读取 system.yaml、引入文件、目录或配置文件失败。此类问题属于输入/输出错误，退出码为 2。',
      en: 'Reading a system file, an included file, a catalog or the config failed. This is an I/O problem: exit code 2.',
    },
  },
  {
    id: 'encoding',
    severity: 'error',
    description: { zh: '文件不是 UTF-8 文本（如 GBK/GB18030、UTF-16 或二进制）', en: 'a file is not UTF-8 text (GBK/GB18030, UTF-16 or binary)' },
    docs: {
      zh: '只接受 UTF-8（可带 BOM，可为 CRLF 换行）。办公电脑上常见的 GBK/GB18030 文件会被识别并提示另存为 UTF-8，而不是按错误编码读成乱码。',
      en: 'Only UTF-8 (BOM and CRLF allowed) is read. GBK/GB18030 files common on office PCs are recognised and refused with a hint, instead of being read as garbage.',
    },
  },
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: { zh: 'YAML 语法错误、重复键、嵌套过深或别名过多', en: 'YAML syntax error, duplicate key, nesting too deep or too many aliases' },
    docs: {
      zh: '文件无法按 YAML 解析。重复键也按错误处理，因为 YAML 会静默保留其中一个值而丢失另一个。嵌套深度和别名数量有上限（见“限制”），以防恶意或损坏的输入耗尽内存。',
      en: 'The file is not valid YAML. Duplicate keys are errors because YAML would silently keep one value. Nesting depth and alias counts are limited (see Limits) so broken or hostile input cannot exhaust memory.',
    },
  },
  {
    id: 'schema',
    severity: 'error',
    description: { zh: '不符合 JSON Schema（缺字段、未知字段、类型或取值错误、日期无效）', en: 'does not match the JSON Schema (missing/unknown keys, wrong types or values, invalid dates)' },
    docs: {
      zh: '按 schemas/ 中的 JSON Schema（draft 2020-12）检查 system.yaml、引入文件、服务事项目录与配置文件。未知字段会提示最相近的正确写法。',
      en: 'Checks system.yaml, included files, catalogs and the config against the JSON Schemas in schemas/ (draft 2020-12). Unknown keys get a did-you-mean hint.',
    },
  },
  {
    id: 'include-error',
    severity: 'error',
    description: { zh: 'include: 引入的文件不存在、循环引入或离开体系目录', en: 'an include: is missing, loops, or leaves the system folder' },
    docs: {
      zh: '被引入的文件必须存在、位于 system.yaml 所在目录内（符号链接也不得指向目录外），且不能循环引入或重复引入。',
      en: 'Included files must exist and be inside the folder of system.yaml (symbolic links may not point out of it); loops and double includes are refused.',
    },
  },
  {
    id: 'catalog-error',
    severity: 'error',
    description: { zh: 'catalog: 指定的服务事项目录不存在或格式错误', en: 'the catalog named by catalog: does not exist or is malformed' },
    docs: {
      zh: '`catalog:` 可以是内置目录 id（hrss-basic）或相对 system.yaml（或 .hrss-std.yaml）的路径。目录不存在或不符合 catalog.schema.json 时，覆盖分析与 unknown-service 检查无法进行。',
      en: '`catalog:` is a built-in id (hrss-basic) or a path relative to system.yaml (or .hrss-std.yaml). When it is missing or malformed, coverage and unknown-service checks cannot run.',
    },
  },
  {
    id: 'suppression',
    severity: 'error',
    description: { zh: '禁用注释缺少理由', en: 'a disable comment has no reason' },
    docs: {
      zh: '`# hrss-std-disable-next-line <规则> -- <理由>` 必须写明理由；没有理由的注释不生效并报告此问题，使每一次豁免都可追溯。',
      en: '`# hrss-std-disable-next-line <rule> -- <reason>` must give a reason; without one the comment has no effect and this is reported, so every exemption is accountable.',
    },
  },
];
