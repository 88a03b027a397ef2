import type { Finding } from '../diagnostics/types.js';
import { walkNodes } from '../model/types.js';
import { nodeAt, rowAt, yaml } from './helpers.js';
import type { Rule } from './types.js';

/** "100" → "1", "110" → "11": the part of a node code its children share. */
export function codeStem(code: string): string {
  return code.replace(/0+$/, '');
}

/** A row code without an optional system prefix ("ZJ 101-01" → "101-01"). */
function withoutPrefix(code: string): string {
  const sp = code.lastIndexOf(' ');
  return sp === -1 ? code : code.slice(sp + 1);
}

export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  severity: 'warning',
  description: {
    zh: '子体系或标准行的编号没有延续上级子体系的编号',
    en: 'a node or row code does not extend the code of its parent sub-system',
  },
  docs: {
    zh: '标准体系表编号按层级延续，读者才能从编号看出一项标准属于哪个子体系。常见做法：第一层 `100`、`200`，第二层在上级编号去掉末尾的 0 后续编（`100` 下为 `101`、`102`，`110` 下为 `111`），标准行为“所属子体系编号-序号”（`101-01`，也接受 `101.01`，以及前面带体系代号和空格的 `ZJ 101-01`）。本规则检查：下级子体系编号以上级编号去掉末尾 0 后的部分开头；标准行编号为所属子体系编号加 “-” 或 “.” 再加序号。与上级完全相同的编号由 `duplicate-code` 报告。修正：按所属子体系重新编号（新编号应保持稳定，已发布的编号不要随意改动）；若本体系采用其他编号规则，可在 `.hrss-std.yaml` 中设 `rules: { code-hierarchy: off }`。',
    en: 'Codes extend their parent\'s code, so a reader can tell from the code which sub-system a standard belongs to. Usual practice: top level `100`, `200`; a child continues the parent\'s code without its trailing zeros (`101`, `102` under `100`; `111` under `110`); a row is "<node code>-<seq>" (`101-01`; `101.01` and a system prefix like `ZJ 101-01` are accepted). Checked: a child node code starts with its parent\'s code stripped of trailing zeros; a row code is its node\'s code, "-" or ".", and a sequence number. A code equal to its parent\'s is reported by `duplicate-code`. Fix: renumber under the right parent (keep published codes stable); if your system uses another scheme, set `rules: { code-hierarchy: off }` in .hrss-std.yaml.',
  },
  pointsAt: { zh: '子体系或标准行的 `code`', en: 'the node\'s or row\'s `code`' },
  example: {
    in: 'nodes',
    bad: yaml`
      - code: "200"
        title: 公共就业服务标准体系
        subsystems:
          - code: "301"                   # 不以 2 开头
            title: 就业失业登记服务标准
            standards:
              - code: "202-01"            # 不是 301-xx
    `,
    good: yaml`
      - code: "200"
        title: 公共就业服务标准体系
        subsystems:
          - code: "202"
            title: 就业失业登记服务标准
            standards:
              - code: "202-01"
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const node of walkNodes(system.subsystems)) {
      const parent = node.parent;
      if (parent && parent.code && node.code && node.code !== parent.code) {
        const stem = codeStem(parent.code);
        if (!node.code.startsWith(stem)) {
          out.push({
            message: {
              zh: `子体系编号 “${node.code}” 没有延续上级子体系 “${parent.code} ${parent.title}” 的编号`,
              en: `sub-system code "${node.code}" does not extend its parent "${parent.code} ${parent.title}"`,
            },
            hint: { zh: `下级编号应以 “${stem}” 开头，例如 ${stem}${'1'.padStart(Math.max(1, parent.code.length - stem.length), '0')}`, en: `the code should start with "${stem}", e.g. ${stem}${'1'.padStart(Math.max(1, parent.code.length - stem.length), '0')}` },
            at: nodeAt(node, 'code'),
          });
        }
      }
      if (!node.code) continue;
      for (const entry of node.standards) {
        if (!entry.code || isRowCodeOf(entry.code, node.code) || isRowCodeOf(withoutPrefix(entry.code), node.code)) continue;
        out.push({
          message: {
            zh: `标准行编号 “${entry.code}” 与所属子体系 “${node.code} ${node.title}” 的编号不对应`,
            en: `row code "${entry.code}" does not match its sub-system "${node.code} ${node.title}"`,
          },
          hint: { zh: `标准行编号写成 “${node.code}-序号”，例如 ${node.code}-01`, en: `write row codes as "${node.code}-<seq>", e.g. ${node.code}-01` },
          at: rowAt(entry, 'code'),
        });
      }
    }
    return out;
  },
};

const ROW_SEQ = /^[0-9A-Za-z]+$/;

/** `<nodeCode>-<seq>` or `<nodeCode>.<seq>` (string tests, not a RegExp built per node). */
function isRowCodeOf(code: string, nodeCode: string): boolean {
  if (!code.startsWith(nodeCode)) return false;
  const sep = code.charCodeAt(nodeCode.length);
  return (sep === 45 || sep === 46) && ROW_SEQ.test(code.slice(nodeCode.length + 1));
}
