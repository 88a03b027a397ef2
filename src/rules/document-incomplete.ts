import { documentGaps } from '../model/document.js';
import type { Rule } from './types.js';

/** What a submittable 编制说明 still needs; the final export leaves these parts out, --draft marks them. */
export const documentIncomplete: Rule = {
  id: 'document-incomplete',
  severity: 'warning',
  description: { zh: '编制说明尚缺内容（编制日期、编制依据、编制过程、征求意见、子体系范围、计划完成时间、承担单位）', en: 'the 编制说明 still lacks content (date, basis, process, consultation, sub-system scope, due date, undertaker)' },
  docs: {
    zh: '导出的 Word 文件（编制说明和封面）只写数据中有的内容，不印“请补充”之类的占位文字，也不猜测日期。本规则只检查写有 `document:` 块的体系（写上这个块，表示该体系要导出编制说明报送；没有这个块时本规则不报告，`export` 仍在控制台说明缺几项），列出一份完整的编制说明还缺什么：system.yaml 的 `document:` 块中的 `date`（编制日期，封面日期）、`basis`（编制依据）、`process`（编制过程）、`consultation`（征求意见情况），编制单位（`document.organization` 或 `owner`），每个子体系的 `description`（范围），以及待制定/制定中/待修订标准的 `due`（计划完成时间）和 `undertaker`（承担单位）。`hrss-std export --draft` 在文件中用红字标出这些缺项，便于内部审阅。修正：按实际情况补写这些字段；没有依据的内容不要编写。',
    en: 'The exported Word document (the 编制说明 and the cover) says only what the data says: no placeholder text, no guessed date. This rule checks only systems that have a `document:` block (writing the block says the system is being prepared for submission; without it the rule is silent and `export` still says on the console how many items are missing). It lists what a complete 编制说明 still needs: in the `document:` block of system.yaml `date`, `basis`, `process`, `consultation`; the organisation (`document.organization` or `owner`); each sub-system\'s `description`; and `due` and `undertaker` on planned, drafting and revising rows. `hrss-std export --draft` marks the missing parts in red for internal review. Fix: write these fields from the facts; leave out what you have no source for.',
  },
  pointsAt: { zh: 'system.yaml 的 document: 块、该子体系或该行', en: 'the document: block, the sub-system or the row' },
  check({ system }) {
    // Only a system that has a document: block is being prepared for submission; without one the
    // rule stays quiet (fixtures, a fresh `init` scaffold), and export still lists the gaps on the console.
    if (system.raw.document === undefined) return [];
    return documentGaps(system).map((g) => ({
      message: { zh: `编制说明缺少${g.what.zh}`, en: `the 编制说明 lacks ${g.what.en}` },
      hint: { zh: `写明 ${g.field}；未写时该项不出现在导出的文件中（--draft 时以红字标出）`, en: `write ${g.field}; until then the export leaves it out (--draft marks it in red)` },
      at: g.at,
    }));
  },
};
