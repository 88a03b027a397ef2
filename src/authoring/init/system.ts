import { FRAMEWORKS, type FrameworkDef } from '../../rules/frameworks.js';
import type { Framework } from '../../model/types.js';
import type { OutNode } from '../import/table.js';
import { writeSystemYaml } from '../yaml-writer.js';

export interface NewSystem {
  id: string;
  title: string;
  framework: Framework;
  region?: { name?: string; code?: string };
  owner?: string;
  /** `yaml-language-server` line for the file */
  modeline: string;
}

/**
 * One placeholder row per sub-system: honest (status planned, no number) and explicit about what to
 * write, so `empty-subsystem` has nothing to say and the 制修订计划 lists the work still to do.
 */
function placeholder(code: string, title: string, scope?: string, clause?: string): OutNode['standards'][number] {
  const where = scope ? `范围：${scope}${clause ? `（框架 ${clause}）` : ''}。` : '';
  return {
    code: `${code}-01`,
    title: `（待填写）${title}`,
    level: 'local',
    status: 'planned',
    note: `占位行：请替换为本子体系实际的标准（现行的写明编号，待制定的写明名称和宜定级别），或删除。${where}`,
  };
}

const NO_FRAMEWORK_EXAMPLE = [
  '# 尚未选择体系框架（framework: none）。按下面的写法添加子体系和标准（去掉行首的 #），格式说明见 README.md：',
  '# subsystems:',
  '#   - code: "100"',
  '#     title: 基础通用标准体系',
  '#     standards:',
  '#       - code: "100-01"',
  '#         title: （待填写）标准名称',
  '#         level: local',
  '#         status: planned',
  '',
].join('\n');

export function frameworkTree(def: FrameworkDef): OutNode[] {
  return def.parts.map((p) => ({
    code: p.code,
    title: p.title,
    standards: p.subsystems.length ? [] : [placeholder(p.code, p.title, undefined, p.clause)],
    subsystems: p.subsystems.map((s) => ({
      code: s.code,
      title: s.title,
      subsystems: [],
      standards: [placeholder(s.code, s.title, s.scope, s.clause)],
    })),
  }));
}

/**
 * The 编制说明 fields, commented out: a fresh scaffold validates clean, and uncommenting the block
 * (the system is being prepared for submission) turns on the document-incomplete rule.
 */
const DOCUMENT_TEMPLATE = [
  '# 编制说明（导出的 Word 文件用）：要报送体系表时去掉下面各行行首的 #，只写有依据的内容，不知道的项不写；',
  '# 写上 document: 后，hrss-std validate 按 document-incomplete 规则列出编制说明还缺的内容。',
  '# document:',
  '#   organization: 编制单位（不写时用 owner）',
  '#   drafters: [主要起草人]',
  '#   date: "YYYY-MM-DD"        # 编制日期，印在封面；不写时封面不印日期',
  '#   basis:                    # 编制依据：政策文件和标准，每项一条',
  '#     - 文件名称（文号）',
  '#   process: 编制过程',
  '#   consultation: 征求意见情况',
  '',
].join('\n');

/** The system.yaml `init` writes. */
export function newSystemYaml(s: NewSystem): string {
  const def = s.framework === 'none' ? undefined : FRAMEWORKS[s.framework];
  const comments = [s.modeline, `${s.title}`];
  if (def) {
    comments.push(`框架：${def.name.zh}。来源：${def.source}`);
    comments.push(`框架的可靠程度：${def.confidence.note}`);
  }
  if (def) comments.push('每个子体系下的“（待填写）”行是占位行（status: planned），请替换为实际的标准。格式说明见 README.md。');
  const text = writeSystemYaml(
    { id: s.id, title: s.title, region: s.region, owner: s.owner, framework: s.framework, catalog: 'hrss-basic', comments },
    { standards: [], subsystems: def ? frameworkTree(def) : [] },
  );
  return text + DOCUMENT_TEMPLATE + (def ? '' : NO_FRAMEWORK_EXAMPLE);
}
