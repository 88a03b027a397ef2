import type { Finding } from '../diagnostics/types.js';
import { walkNodes } from '../model/types.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

/** A sub-system with neither rows nor sub-systems shows nothing in the 标准体系表. */
export const emptySubsystem: Rule = {
  id: 'empty-subsystem',
  severity: 'warning',
  description: { zh: '子体系下既没有标准也没有下级子体系', en: 'a sub-system has neither standards nor sub-systems' },
  docs: {
    zh: '空的子体系在结构图中有框、在明细表中却没有任何一行，说明规划未完成。若该子体系暂无现行标准，请添加 `status: planned`（待制定）的行并写明宜定级别，它会计入“应有数”并出现在制修订计划中。',
    en: 'An empty sub-system shows as a box in the structure chart but has no row in the detail table. If nothing exists yet, add a `status: planned` row with its intended level: it counts towards 应有数 and appears in the revision plan.',
  },
  pointsAt: { zh: '该子体系', en: 'the sub-system' },
  example: {
    in: 'nodes',
    bad: yaml`
      - code: "102"
        title: 符号与标志标准             # 既没有标准也没有下级
    `,
    good: yaml`
      - code: "102"
        title: 符号与标志标准
        standards:
          - code: "102-01"
            title: 湛江市人社公共服务场所标识设置规范
            level: local
            status: planned
    `,
  },
  check({ system }) {
    const out: Finding[] = [];
    for (const node of walkNodes(system.subsystems)) {
      if (node.standards.length === 0 && node.subsystems.length === 0) {
        out.push({
          message: { zh: `子体系 “${node.code} ${node.title}” 为空`, en: `sub-system "${node.code} ${node.title}" is empty` },
          hint: { zh: '添加标准，或添加 status: planned 的待制定标准', en: 'add standards, or a planned row (status: planned)' },
          at: { file: node.file, node: node.raw },
        });
      }
    }
    return out;
  },
};
