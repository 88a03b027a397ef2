import type { Finding } from '../diagnostics/types.js';
import { FRAMEWORKS, matchesPart } from './frameworks.js';
import { yaml } from './helpers.js';
import type { Rule } from './types.js';

export const frameworkStructure: Rule = {
  id: 'framework-structure',
  severity: 'error',
  description: {
    zh: '体系声明了框架（framework），但缺少该框架要求的组成部分',
    en: 'the system declares a framework but lacks one of its parts',
  },
  docs: {
    zh: '`framework:` 声明体系按哪个框架搭建，导出的结构图和统计表按框架的组成部分排列。`gbt24421` 要求第一层有服务通用基础、服务保障、服务提供三个部分；`zhanjiang-7` 要求湛江指南的七个部分：基础通用、公共就业服务、社会保险服务、人才服务、劳动关系服务（也接受“劳动管理服务”）、信息化服务、其他服务。按第一层子体系的名称是否含有这些词来判断，缺少的每个部分在 `framework` 处报告一次。修正：按提示添加该部分（暂无标准时可只写待制定的行）；若体系有意删减了某部分（湛江指南 6.2 允许删减和扩充），把 `framework` 改为 `none`，或在 `framework:` 上一行加禁用注释并写明理由。',
    en: '`framework:` says which framework the system follows; the exported chart and statistics are arranged by its parts. `gbt24421` needs the three top-level parts 服务通用基础, 服务保障, 服务提供; `zhanjiang-7` the seven parts of the Zhanjiang guide: 基础通用, 公共就业服务, 社会保险服务, 人才服务, 劳动关系服务 (劳动管理服务 accepted), 信息化服务, 其他服务. A part is present when a top-level sub-system title contains its words; each missing part is reported once at `framework`. Fix: add the part (planned rows are fine while nothing exists); if the system leaves a part out on purpose (the guide\'s 6.2 allows it), set `framework: none` or put a disable comment with a reason above `framework:`.',
  },
  pointsAt: { zh: 'system.yaml 的 `framework`', en: '`framework` in system.yaml' },
  example: {
    in: 'system',
    bad: yaml`
      framework: gbt24421
      subsystems:
        - { code: "100", title: 服务通用基础标准体系, … }
        - { code: "300", title: 服务提供标准体系, … }     # 缺少服务保障
    `,
    good: yaml`
      framework: gbt24421
      subsystems:
        - { code: "100", title: 服务通用基础标准体系, … }
        - code: "200"
          title: 服务保障标准体系
          standards:
            - { code: "200-01", title: 人社服务场所设施设备要求, level: local, status: planned }
        - { code: "300", title: 服务提供标准体系, … }
    `,
  },
  check({ system }) {
    if (system.framework === 'none') return [];
    const def = FRAMEWORKS[system.framework];
    const titles = system.subsystems.map((n) => n.title);
    const out: Finding[] = [];
    for (const part of def.parts) {
      if (titles.some((t) => matchesPart(part, t))) continue;
      out.push({
        message: {
          zh: `按框架 ${def.id}（${def.name.zh}），体系缺少“${part.title}”`,
          en: `framework ${def.id} needs the part "${part.title}", which is missing`,
        },
        hint: {
          zh: `在第一层 subsystems 中添加 - code: "${part.code}"  title: ${part.title}；有意删减时把 framework 改为 none`,
          en: `add a top-level sub-system - code: "${part.code}"  title: ${part.title}; or set framework: none if it is left out on purpose`,
        },
        at: { file: system.file, node: system.raw, key: 'framework' },
      });
    }
    return out;
  },
};
