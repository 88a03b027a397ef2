import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { csvCell, csvLine } from '../../src/util/csv.js';

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('get a leading apostrophe; numbers and ordinary text do not', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const c of ['+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(c), JSON.stringify(c)).toBe(`'${c}`);
    for (const c of ['-1', '+2', '3.5', 'GB/T 24421.1-2023', '现行', '']) expect(csvCell(c)).toBe(c);
    expect(csvLine(['=1+2', 'a,b'])).toBe(`'=1+2,"a,b"`);
  });

  it('are neutralised in gaps -f csv, where catalog names (from an imported list) start cells', () => {
    const dir = tempTree({
      'list.catalog.yaml': `id: inj
title: 注入测试目录（测试用）
projects:
  - id: A
    name: '=HYPERLINK("http://example.invalid","点此")'
    area: 劳有所得
    items:
      - { id: A-01, name: '@SUM(1+1)', source: test, confidence: partial }
`,
      'system.yaml': `id: inj
title: 注入测试
framework: none
catalog: list.catalog.yaml
subsystems:
  - code: "100"
    title: 基础
    standards:
      - number: GB/T 24421.1-2023
        title: 服务业组织标准化工作指南 第1部分：基本要求
        status: current
        level: national
        services: [A-01]
`,
    });
    const r = runCli(['gaps', '-f', 'csv', 'system.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    const line = r.stdout.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://example.invalid"",""点此"")"`);
    expect(line).toContain(`,'@SUM(1+1),`);
    expect(line).not.toMatch(/(^|,)"?[=@]/);
  });
});

describe('line breaks from the data in gaps -f markdown', () => {
  it('never start a heading or leave the quote', () => {
    const dir = tempTree({
      'list.catalog.yaml': `id: nl
title: "目录标题\\n# 伪造的标题"
projects:
  - id: A
    name: "项目\\n## 伪造"
    area: 劳有所得
    items:
      - { id: A-01, name: "事项\\n# 伪造", source: test, confidence: partial }
      - { id: A-02, name: 另一事项, source: test, confidence: partial }
`,
      'system.yaml': `id: nl
title: "体系\\n# 伪造"
framework: none
catalog: list.catalog.yaml
subsystems:
  - code: "100"
    title: 基础
    standards:
      - title: 规划中的标准
        status: planned
        level: local
        services: [A-02]
`,
    });
    const r = runCli(['gaps', '-f', 'markdown', 'system.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('伪造');
    expect(r.stdout).not.toMatch(/^#+ 伪造/m);
  });
});
