import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { sarifValidator } from './sarif-schema.js';
import { checkWellFormedXml } from './xml-check.js';

/**
 * Three systems with planted faults: an unknown key and an impossible date
 * (errors), a duplicate key in a folder with a space and Chinese in its name
 * (error with a related place), and an empty sub-system (a warning only).
 */
const FIXTURE = {
  '.hrss-std.yaml': 'today: "2024-06-01"\n',
  'systems/a/system.yaml': [
    'id: a',
    'title: 报告格式测试',
    'framwork: none', //                                  3:1 schema
    'subsystems:',
    '  - code: "100"',
    '    title: 基础通用',
    '    standards:',
    '      - code: "100-01"',
    '        number: GB/T 1.1-2020',
    '        title: 标准化工作导则 第1部分：标准化文件的结构和起草规则',
    '        published: 2018-13-45', //                   11:20 schema
    '',
  ].join('\n'),
  'systems/湛江 示例/system.yaml': 'id: b\ntitle: 重复键\nowner: 甲\nowner: 乙\n', // 4:1 yaml-syntax, first at 3:1
  'systems/w/system.yaml': 'id: w\ntitle: 仅有警告\nsubsystems:\n  - code: "100"\n    title: 空子体系\n', // 4:5 empty-subsystem
};

let dir: string;
beforeAll(() => {
  dir = tempTree(FIXTURE);
});

const SPACED = 'systems/湛江 示例/system.yaml';

describe('validate -f <format> (end to end)', () => {
  it('sarif: schema-valid, located results, exit 1', () => {
    const r = runCli(['validate', '-f', 'sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as any[];
    const at = (x: any) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn];
    expect(results.map(at)).toEqual(expect.arrayContaining([
      ['schema', 'systems/a/system.yaml', 3, 1],
      ['schema', 'systems/a/system.yaml', 11, 20],
      ['empty-subsystem', 'systems/w/system.yaml', 4, 5],
      ['yaml-syntax', 'systems/%E6%B9%9B%E6%B1%9F%20%E7%A4%BA%E4%BE%8B/system.yaml', 4, 1],
    ]));
    const dup = results.find((x) => x.ruleId === 'yaml-syntax');
    expect(dup.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 1 });
    expect(results.find((x) => x.ruleId === 'empty-subsystem').level).toBe('warning');
    // deterministic: the same bytes twice
    expect(runCli(['validate', '-f', 'sarif'], { cwd: dir }).stdout).toBe(r.stdout);
  });

  it('junit: a suite per checked file, failures located', () => {
    const r = runCli(['validate', '-f', 'junit'], { cwd: dir });
    expect(r.code).toBe(1);
    checkWellFormedXml(r.stdout);
    expect(r.stdout).toContain('<testsuite name="systems/a/system.yaml" tests="2" failures="2"');
    expect(r.stdout).toContain('<testcase classname="systems/a/system.yaml" name="11:20 schema">');
    expect(r.stdout).toContain(`<testsuite name="${SPACED}" tests="1" failures="1"`);
  });

  it('junit: a clean system is one passing case per file, includes too', () => {
    const clean = tempTree({
      'systems/c/system.yaml': 'id: c\ntitle: 干净的体系\nsubsystems:\n  - code: "100"\n    title: 基础通用\n    include: base.yaml\n',
      'systems/c/base.yaml': 'standards:\n  - code: "100-01"\n    title: 待制定的基础标准\n    status: planned\n    level: local\n',
    });
    const r = runCli(['validate', '-f', 'junit'], { cwd: clean });
    expect(r.code).toBe(0);
    checkWellFormedXml(r.stdout);
    expect(r.stdout).toContain('<testsuites name="hrss-std" tests="2" failures="0" errors="0">');
    expect(r.stdout).toContain('<testcase classname="systems/c/base.yaml" name="hrss-std validate"/>');
    expect(r.stdout).toContain('<testcase classname="systems/c/system.yaml" name="hrss-std validate"/>');
  });

  it('github: annotations with file, line, col and rule', () => {
    const r = runCli(['validate', '-f', 'github', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('::error file=systems/a/system.yaml,line=3,col=1,title=schema::unknown key "framwork"%0Ahint: did you mean "framework"?');
    expect(lines.some((l) => l.startsWith('::warning file=systems/w/system.yaml,line=4,col=5,title=empty-subsystem::'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`::error file=${SPACED},line=4,col=1,title=yaml-syntax::duplicate key "owner"`))).toBe(true);
    expect(lines.at(-1)).toMatch(/^✖ 4 problems \(3 errors, 1 warning, 0 info; 3 systems, 3 files\)$/);
  });

  it('json: the documented shape with located diagnostics', () => {
    const r = runCli(['validate', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ rule: 'schema', severity: 'error', file: 'systems/a/system.yaml', line: 11, column: 20 }));
    expect(out.summary).toMatchObject({ systems: 3, files: 3, errors: 3, warnings: 1 });
  });

  it('stylish: the summary line; no colour under NO_COLOR, colour under FORCE_COLOR=1', () => {
    const plain = runCli(['validate'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    expect(plain.stdout).toContain('✖ 4 个问题（3 个错误，1 个警告，0 条信息；3 个体系，3 个文件）');
    const forced = runCli(['validate'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\x1b\[31m错误/);
    const both = runCli(['validate'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toMatch(/\x1b\[/);
    const flag = runCli(['--no-color', 'validate'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(/\x1b\[/);
  });

  it('-o FILE writes the report there (never coloured) and nothing to stdout', () => {
    const missing = runCli(['validate', '-f', 'sarif', '-o', 'no-such-folder/report.sarif'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法写入.*目录不存在/);
    mkdirSync(path.join(dir, 'out'), { recursive: true });
    for (const [format, name] of [['sarif', 'out/report.sarif'], ['stylish', 'out/report.txt'], ['junit', 'out/junit.xml']] as const) {
      const r = runCli(['validate', '-f', format, '-o', name], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text).not.toMatch(/\x1b\[/);
      expect(text).toBe(runCli(['validate', '-f', format], { cwd: dir }).stdout);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(4);
    // no temporary files left beside the report
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['junit.xml', 'report.sarif', 'report.txt']);
  });

  it('--max-warnings: warnings alone pass, unless there are more than allowed', () => {
    expect(runCli(['validate', 'systems/w'], { cwd: dir }).code).toBe(0);
    expect(runCli(['validate', 'systems/w', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const over = runCli(['validate', 'systems/w', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('✖ 警告数 1 超过 --max-warnings 0');
    const gh = runCli(['validate', 'systems/w', '-f', 'github', '--max-warnings', '0', '--lang', 'en'], { cwd: dir });
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain('✖ 1 warning, more than --max-warnings 0');
    const bad = runCli(['validate', '--max-warnings', 'many'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings');
  });

  it('an unknown format is a usage error that lists the formats', () => {
    const r = runCli(['validate', '-f', 'xml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stylish、json、sarif、junit、github');
  });
});
