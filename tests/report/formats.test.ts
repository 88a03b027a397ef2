import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { summarize } from '../../src/diagnostics/resolve.js';
import { FORMATTERS, formatterFor } from '../../src/report/index.js';
import { artifactUri } from '../../src/report/sarif.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { displayWidth } from '../../src/report/stylish.js';
import { RULES } from '../../src/rules/index.js';
import type { ReportInput } from '../../src/report/types.js';
import { checkWellFormedXml, xmlDecode } from './xml-check.js';
import { sarifValidator } from './sarif-schema.js';
import { expectJunitValid, junitSchemaErrors } from './xmllint.js';

const d = (over: Partial<Diagnostic> & Pick<Diagnostic, 'rule' | 'file' | 'line' | 'column'>): Diagnostic => ({
  severity: 'error',
  message: { zh: '消息', en: 'message' },
  ...over,
});

/** Findings chosen to stress every format: CJK, markup characters, line breaks, controls, related places, an unregistered rule. */
const DIAGS: Diagnostic[] = [
  d({ rule: 'schema', file: 'systems/a/system.yaml', line: 3, column: 1, message: { zh: '未知字段 “framwork”', en: 'unknown key "framwork"' }, hint: { zh: '是否应为 “framework”？', en: 'did you mean "framework"?' } }),
  d({ rule: 'yaml-syntax', file: 'systems/a/system.yaml', line: 12, column: 7, message: { zh: '重复的键 “a<b>&c”', en: 'duplicate key "a<b>&c"' }, related: [{ file: 'systems/a/system.yaml', line: 10, column: 7, message: { zh: '第一次出现在这里', en: 'first defined here' } }] }),
  d({ rule: 'empty-subsystem', severity: 'warning', file: 'systems/湛江 示例/system.yaml', line: 4, column: 5, message: { zh: '子体系为空 100%,\r\n第二行', en: 'empty 100%,\r\nsecond line' } }),
  d({ rule: 'not-registered', severity: 'info', file: 'systems/c,d:e/x.yaml', line: 1, column: 1, message: { zh: `控制字符\u0001与孤立代理\ud800`, en: `control\u0001 and lone surrogate\ud800` } }),
];

function input(over: Partial<ReportInput> = {}): ReportInput {
  const diagnostics = over.diagnostics ?? DIAGS;
  return { diagnostics, summary: summarize(diagnostics, 4, 3, 0), lang: 'zh', color: false, toolVersion: '9.9.9', ...over };
}

describe('report formats', () => {
  it('lists stylish, json, sarif, junit and github', () => {
    expect(FORMATTERS.map((f) => f.name)).toEqual(['stylish', 'json', 'sarif', 'junit', 'github']);
    for (const f of FORMATTERS) expect(f.description.zh && f.description.en).toBeTruthy();
  });

  it('every format gives the same bytes for the same input', () => {
    for (const f of FORMATTERS) expect(f.format(input())).toBe(f.format(input()));
  });

  describe('sarif', () => {
    const log = JSON.parse(formatterFor('sarif')!.format(input())) as any;
    it('validates against the official SARIF 2.1.0 schema', () => {
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
      const empty = JSON.parse(formatterFor('sarif')!.format(input({ diagnostics: [] })));
      expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);
      expect(empty.runs[0].results).toEqual([]);
      // the schema has teeth: a level SARIF does not know is refused
      const broken = structuredClone(log);
      broken.runs[0].results[0].level = 'info';
      expect(validate(broken)).toBe(false);
    });

    it('has one run whose driver describes every registered rule', () => {
      expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
      expect(log.version).toBe('2.1.0');
      expect(log.runs).toHaveLength(1);
      const driver = log.runs[0].tool.driver;
      expect(driver).toMatchObject({ name: 'hrss-std', version: '9.9.9' });
      expect(driver.informationUri).toMatch(/^file:\/\/\/.*\/README\.md$/);
      expect(existsSync(fileURLToPath(driver.informationUri))).toBe(true);
      const ids = driver.rules.map((r: any) => r.id);
      expect(ids.slice(0, RULES.length)).toEqual(RULES.map((r) => r.id));
      // a finding from outside the registry still gets a descriptor, after the registry's
      expect(ids.at(-1)).toBe('not-registered');
      for (const r of RULES) {
        const desc = driver.rules.find((x: any) => x.id === r.id);
        expect(desc.shortDescription.text).toBe(r.description.zh);
        expect(desc.fullDescription.text.length).toBeGreaterThan(0);
        // GitHub code scanning links each rule to its documentation
        expect(desc.helpUri).toMatch(new RegExp(`^file:///.*/docs/rules\\.md#${r.id}$`));
        expect(existsSync(fileURLToPath(desc.helpUri.replace(/#.*/, '')))).toBe(true);
        expect(readFileSync(fileURLToPath(desc.helpUri.replace(/#.*/, '')), 'utf8')).toContain(`## \`${r.id}\``);
        expect(desc.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[r.severity]);
        // the help shown under an alert: the docs, and the fault/fix examples where the rule has them
        expect(desc.help.markdown.startsWith(r.docs.zh)).toBe(true);
        if (r.example) expect(desc.help.markdown).toContain(`**错误示例**\n\n\`\`\`yaml\n${r.example.bad.replace(/\n?$/, '\n')}\`\`\`\n\n**修正**\n\n\`\`\`yaml\n`);
        else expect(desc.help.markdown).toBe(r.docs.zh);
      }
    });

    it('maps each finding to a result with rule, level, message + hint and a located, relative URI', () => {
      const [schema, dup, empty, info] = log.runs[0].results;
      const driver = log.runs[0].tool.driver;
      for (const r of log.runs[0].results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(schema).toMatchObject({
        ruleId: 'schema', level: 'error',
        message: { text: '未知字段 “framwork”\n提示：是否应为 “framework”？' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'systems/a/system.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } } }],
      });
      expect(dup.relatedLocations).toEqual([{
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'systems/a/system.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 7 } },
        message: { text: '第一次出现在这里' },
      }]);
      expect(empty.level).toBe('warning');
      expect(empty.locations[0].physicalLocation.artifactLocation.uri).toBe('systems/%E6%B9%9B%E6%B1%9F%20%E7%A4%BA%E4%BE%8B/system.yaml');
      expect(info.level).toBe('note');
    });

    it('uses English rule text with --lang en', () => {
      const en = JSON.parse(formatterFor('sarif')!.format(input({ lang: 'en' })));
      const schema = en.runs[0].tool.driver.rules.find((r: any) => r.id === 'schema');
      expect(schema.shortDescription.text).toBe(RULES.find((r) => r.id === 'schema')!.description.en);
      expect(en.runs[0].results[0].message.text).toBe('unknown key "framwork"\nhint: did you mean "framework"?');
    });

    it('turns absolute paths into file: URIs', () => {
      expect(artifactUri('/home/张三/std/system.yaml')).toEqual({ uri: 'file:///home/%E5%BC%A0%E4%B8%89/std/system.yaml' });
      expect(artifactUri('C:/Users/a b/system.yaml')).toEqual({ uri: 'file:///C:/Users/a%20b/system.yaml' });
      expect(artifactUri('a#b/c?.yaml')).toEqual({ uri: 'a%23b/c%3F.yaml', uriBaseId: '%SRCROOT%' });
    });
  });

  describe('junit', () => {
    const xml = formatterFor('junit')!.format(input({ files: ['systems/a/system.yaml', 'systems/clean/system.yaml'] }));
    it('is well-formed XML with a suite per file and a case per finding', () => {
      const names = checkWellFormedXml(xml);
      expect(names[0]).toBe('testsuites');
      expect(names.filter((n) => n === 'testsuite')).toHaveLength(4);
      expect(names.filter((n) => n === 'failure')).toHaveLength(3);
      expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="hrss-std" tests="5" failures="3" errors="0">/);
    });

    it('escapes markup and replaces characters XML cannot hold', () => {
      expect(xml).toContain('message="重复的键 “a&lt;b&gt;&amp;c”"');
      expect(xml).toContain('message="子体系为空 100%,&#13;&#10;第二行"');
      expect(xml).toContain('控制字符\uFFFD与孤立代理\uFFFD');
      expect(xml).not.toMatch(/[\u0001\ud800]/);
      const attr = /<testsuite name="([^"]*)"/g;
      expect([...xml.matchAll(attr)].map((m) => xmlDecode(m[1]!))).toEqual([
        'systems/a/system.yaml', 'systems/c,d:e/x.yaml', 'systems/clean/system.yaml', 'systems/湛江 示例/system.yaml',
      ]);
      // Buffer round trip: the text is valid UTF-8
      expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    });

    it('fails errors and warnings, passes info and clean files', () => {
      expect(xml).toContain('<testcase classname="systems/a/system.yaml" name="3:1 schema">\n      <failure type="schema"');
      expect(xml).toMatch(/name="1:1 not-registered"[^>]*>\n\s*<system-out>/);
      expect(xml).toContain('<testsuite name="systems/clean/system.yaml" tests="1" failures="0" errors="0" skipped="0">');
      expect(xml).toMatch(/<testcase classname="systems\/clean\/system.yaml" name="hrss-std validate"\/>/);
      // related places and the hint are in the failure body
      expect(xml).toContain('↳ systems/a/system.yaml:10:7 第一次出现在这里');
      expect(xml).toContain('提示：是否应为 “framework”？');
    });

    it('is valid against the common JUnit XSD (no file/line attributes on testcase; the place is in the failure text)', () => {
      expectJunitValid(xml);
      expect(xml).toContain('error systems/a/system.yaml:3:1 [schema]');
      // the schema refuses file/line attributes on testcase
      expect(junitSchemaErrors({ r: '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x" file="a" line="3"/></testsuite></testsuites>' })).toMatch(/attribute 'file' is not allowed/);
    });

    it('is a valid, empty report when nothing was checked', () => {
      const empty = formatterFor('junit')!.format(input({ diagnostics: [] }));
      expectJunitValid(empty);
      expect(empty).toContain('<testsuites name="hrss-std" tests="0" failures="0" errors="0">');
    });
  });

  describe('github', () => {
    const text = formatterFor('github')!.format(input());
    const lines = text.trimEnd().split('\n');
    it('writes one workflow command per finding and a summary line', () => {
      expect(lines).toHaveLength(DIAGS.length + 1);
      expect(lines[0]).toBe('::error file=systems/a/system.yaml,line=3,col=1,title=schema::未知字段 “framwork”%0A提示：是否应为 “framework”？');
      expect(lines[1]).toBe('::error file=systems/a/system.yaml,line=12,col=7,title=yaml-syntax::重复的键 “a<b>&c”%0A↳ systems/a/system.yaml:10:7 第一次出现在这里');
      expect(lines[2]).toBe('::warning file=systems/湛江 示例/system.yaml,line=4,col=5,title=empty-subsystem::子体系为空 100%25,%0D%0A第二行');
      expect(lines[3]).toMatch(/^::notice file=systems\/c%2Cd%3Ae\/x.yaml,line=1,col=1,title=not-registered::/);
      expect(lines[4]).toMatch(/^✖ 4 个问题/);
    });

    it('escapes data and properties as the runner expects', () => {
      expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
      expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    });
  });

  describe('stylish', () => {
    it('aligns the rule column by display width, CJK counted double', () => {
      const ds = [
        d({ rule: 'r-one', file: 'f.yaml', line: 1, column: 1, message: { zh: '短', en: 'short' } }),
        d({ rule: 'r-two', severity: 'warning', file: 'f.yaml', line: 10, column: 12, message: { zh: '较长的中文消息 mixed ASCII', en: 'a longer message' } }),
        d({ rule: 'r-three', severity: 'info', file: 'f.yaml', line: 100, column: 3, message: { zh: '全角字符ＡＢＣ，标点。', en: 'x' } }),
      ];
      const out = formatterFor('stylish')!.format(input({ diagnostics: ds }));
      const rows = out.split('\n').filter((l) => / r-(one|two|three)$/.test(l));
      expect(rows).toHaveLength(3);
      const ruleCol = rows.map((l) => displayWidth(l.slice(0, l.lastIndexOf(' r-') + 1)));
      expect(new Set(ruleCol).size).toBe(1);
      // line:column right-aligned, severities padded to one width
      expect(rows.map((l) => l.slice(0, 9))).toEqual(['    1:1  ', '  10:12  ', '  100:3  ']);
      expect(out).toContain('  100:3  信息  ');
    });

    it('summarises counts and --max-warnings in Chinese and English', () => {
      const ds = [d({ rule: 'w', severity: 'warning', file: 'f.yaml', line: 1, column: 1 })];
      const zh = formatterFor('stylish')!.format(input({ diagnostics: ds, maxWarnings: 0 }));
      expect(zh).toContain('⚠ 1 个问题（0 个错误，1 个警告，0 条信息；3 个体系，4 个文件）');
      expect(zh).toContain('✖ 警告数 1 超过 --max-warnings 0');
      const en = formatterFor('stylish')!.format(input({ diagnostics: ds, lang: 'en', maxWarnings: 5 }));
      expect(en).toContain('⚠ 1 problem (0 errors, 1 warning, 0 info; 3 systems, 4 files)');
      expect(en).not.toContain('max-warnings');
      const clean = formatterFor('stylish')!.format(input({ diagnostics: [], lang: 'en' }));
      expect(clean).toBe('✓ no problems (3 systems, 4 files)\n');
    });

    it('uses colour only when asked', () => {
      expect(formatterFor('stylish')!.format(input())).not.toMatch(/\x1b\[/);
      expect(formatterFor('stylish')!.format(input({ color: true }))).toMatch(/\x1b\[31m错误/);
    });

    it('keeps a line break inside a message from breaking the layout', () => {
      const out = formatterFor('stylish')!.format(input());
      expect(out).toContain('子体系为空 100%, 第二行');
    });

    it('survives a file with more findings than a function call can take arguments', () => {
      const many = Array.from({ length: 200_000 }, (_, i) => d({ rule: 'x', file: 'f.yaml', line: i + 1, column: 1 }));
      const out = formatterFor('stylish')!.format(input({ diagnostics: many }));
      expect(out.split('\n').length).toBeGreaterThan(200_000);
    });
  });

  describe('json', () => {
    it('keeps the documented shape', () => {
      const out = JSON.parse(formatterFor('json')!.format(input()));
      expect(Object.keys(out)).toEqual(['diagnostics', 'summary']);
      expect(out.diagnostics[0]).toEqual({
        rule: 'schema', severity: 'error', file: 'systems/a/system.yaml', line: 3, column: 1,
        message: '未知字段 “framwork”', hint: '是否应为 “framework”？',
      });
      expect(out.diagnostics[1].related).toEqual([{ file: 'systems/a/system.yaml', line: 10, column: 7, message: '第一次出现在这里' }]);
      expect(out.summary).toEqual({ files: 4, systems: 3, errors: 2, warnings: 1, infos: 1, suppressed: 0 });
    });
  });
});
