import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/authoring/fix/apply.js';
import { unifiedDiff } from '../../src/authoring/fix/run.js';
import { ROOT, runCli, tempTree } from '../helpers.js';

const MESSY = [
  '# 体系（注释保留）',
  'id: demo',
  'title: 演示体系   ',
  'subsystems:',
  '  - code: "100"   # 基础',
  '    title: 基础通用',
  '    standards:',
  '      - code: "100-01"',
  '        number: GBT 33528－2017',
  '        title: 公共就业服务 术语',
  '        level: 国标',
  '        status: 现行',
  '      - { number: "gb/t  31596.1—2015", title: 社会保险术语 第1部分：通用, status: 现行, references: [GBT 1.1-2020] }',
  '      - number: GB/T 19001-2016/ISO 9001:2015',
  '        title: 质量管理体系 要求',
  '      - title: 待制定的规范',
  '        status: 待制定',
  '        level: 地标',
  '        note: |',
  '          保留行尾空白  ',
  '          第二行',
  '      - code: 0101',
  '        title: 编号被读成数字',
  '        status: planned',
  '        level: local',
  '',
].join('\n');

describe('fixText', () => {
  it('leaves a clean file byte-identical', () => {
    const sample = readFileSync(path.join(ROOT, 'systems/zhanjiang/system.yaml'), 'utf8');
    const r = fixText(sample);
    expect(r.applied).toEqual([]);
    expect(r.text).toBe(sample);
  });

  it('fixes numbers, enum aliases, numeric codes and trailing blanks, and nothing else', () => {
    const r = fixText(MESSY);
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('# 体系（注释保留）');
    expect(lines[2]).toBe('title: 演示体系');
    expect(lines[4]).toBe('  - code: "100"   # 基础');
    expect(lines[8]).toBe('        number: GB/T 33528-2017');
    expect(lines[10]).toBe('        level: national');
    expect(lines[11]).toBe('        status: current');
    expect(lines[12]).toBe('      - { number: "GB/T 31596.1-2015", title: 社会保险术语 第1部分：通用, status: current, references: [GB/T 1.1-2020] }');
    // the adoption suffix would be lost by canonicalising: left alone
    expect(lines[13]).toBe('      - number: GB/T 19001-2016/ISO 9001:2015');
    expect(lines[16]).toBe('        status: planned');
    expect(lines[17]).toBe('        level: local');
    // blanks inside a literal block scalar are content
    expect(lines[19]).toBe('          保留行尾空白  ');
    expect(lines[21]).toBe('      - code: "0101"');
    // only the planned lines differ
    const changed = MESSY.split('\n').map((l, i) => (l === lines[i] ? -1 : i + 1)).filter((i) => i > 0);
    expect(changed).toEqual([3, 9, 11, 12, 13, 17, 18, 22]);
    expect(r.applied.map((e) => e.kind)).toEqual(['trailing-space', 'number', 'level', 'status', 'number', 'status', 'number', 'status', 'level', 'quote-code']);
  });

  it('is idempotent', () => {
    const once = fixText(MESSY).text;
    const twice = fixText(once);
    expect(twice.applied).toEqual([]);
    expect(twice.text).toBe(once);
  });

  it('keeps CRLF line endings', () => {
    const crlf = 'id: a\r\ntitle: t  \r\nstandards:\r\n  - number: GBT 1.1-2020\r\n    title: x\r\n';
    expect(fixText(crlf).text).toBe('id: a\r\ntitle: t\r\nstandards:\r\n  - number: GB/T 1.1-2020\r\n    title: x\r\n');
  });

  it('changes nothing in a file with a syntax error', () => {
    const bad = 'id: a\ntitle: [unclosed\nstandards:\n  - number: GBT 1.1-2020\n';
    const r = fixText(bad);
    expect(r.text).toBe(bad);
    expect(r.syntaxError).toBeTruthy();
  });

  it('quotes a fixed value when plain text would read differently', () => {
    // "  x" trimmed to a plain "100" would read as a number
    const r = fixText('id: a\ntitle: t\nsubsystems:\n  - code: " 100"\n    title: x\n');
    expect(r.text).toBe('id: a\ntitle: t\nsubsystems:\n  - code: "100"\n    title: x\n');
    const s = fixText("id: a\ntitle: t\nsubsystems:\n  - code: ' 100 '\n    title: x\n");
    expect(s.text).toBe("id: a\ntitle: t\nsubsystems:\n  - code: '100'\n    title: x\n");
  });
});

describe('unifiedDiff', () => {
  it('writes diff -u hunks', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\n';
    const b = 'a\nb\nc\nD\ne\nf\ng\nh\ni\n';
    expect(unifiedDiff(a, b, 'x.yaml')).toBe('--- a/x.yaml\n+++ b/x.yaml\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n');
    expect(unifiedDiff(a, a, 'x')).toBe('');
    expect(unifiedDiff('', 'x\n', 'n')).toBe('--- a/n\n+++ b/n\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('x\n', '', 'n')).toBe('--- a/n\n+++ b/n\n@@ -1,1 +0,0 @@\n-x\n');
  });

  it('separates hunks more than 2×3 lines apart, joins closer ones', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const a = lines.join('\n') + '\n';
    const far = a.replace('l2\n', 'L2\n').replace('l17\n', 'L17\n');
    expect(unifiedDiff(a, far, 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -14,7 +14,7 @@\n l14\n l15\n l16\n-l17\n+L17\n l18\n l19\n l20\n');
    const near = a.replace('l2\n', 'L2\n').replace('l9\n', 'L9\n');
    expect(unifiedDiff(a, near, 'f').match(/^@@/gm)).toHaveLength(1);
  });

  it('writes file names as they are (no C-quoting of 湛江), keeps CRs, and shows no missing final newline', () => {
    expect(unifiedDiff('a: 1\r\nb: 2  \r\n', 'a: 1\r\nb: 2\r\n', 'systems/湛江/system.yaml')).toBe(
      '--- a/systems/湛江/system.yaml\n+++ b/systems/湛江/system.yaml\n@@ -1,2 +1,2 @@\n a: 1\r\n-b: 2  \r\n+b: 2\r\n');
    // a fix never adds or drops the final newline, so the diff does not mark it (“\ No newline at end of file”)
    expect(unifiedDiff('a\nb  ', 'a\nb', 'f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b  \n+b\n');
  });
});

describe('hrss-std validate --fix (end to end)', () => {
  const files = () => tempTree({
    'systems/a/system.yaml': 'id: a\ntitle: 测试\nsubsystems:\n  - code: "100"\n    title: 基础\n    include: base.yaml\n',
    'systems/a/base.yaml': 'standards:\n  - number: GBT 33528-2017  \n    title: 公共就业服务 术语\n    status: 现行\n',
  });

  it('--fix-dry-run prints a diff, writes nothing and exits 1 when fixes are pending', () => {
    const dir = files();
    const before = readFileSync(path.join(dir, 'systems/a/base.yaml'), 'utf8');
    const r = runCli(['validate', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      '--- a/systems/a/base.yaml',
      '+++ b/systems/a/base.yaml',
      '@@ -1,4 +1,4 @@',
      ' standards:',
      '-  - number: GBT 33528-2017  ',
      '+  - number: GB/T 33528-2017',
      '     title: 公共就业服务 术语',
      '-    status: 现行',
      '+    status: current',
      '',
    ].join('\n'));
    expect(r.stderr).toContain('可修复 3 处，涉及 1 个文件');
    expect(readFileSync(path.join(dir, 'systems/a/base.yaml'), 'utf8')).toBe(before);
  });

  it('--fix rewrites the included file, reports each fix on stderr and then validates', () => {
    const dir = files();
    const r = runCli(['validate', '--fix', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toContain('systems/a/base.yaml:2:13  canonical standard number (number)  “GBT 33528-2017” → “GB/T 33528-2017”');
    expect(r.stderr).toContain('systems/a/base.yaml:4:13  canonical status value (status)  “现行” → “current”');
    expect(r.stderr).toContain('fixed 3 problem(s) in 1 file(s)');
    expect(readFileSync(path.join(dir, 'systems/a/base.yaml'), 'utf8')).toBe('standards:\n  - number: GB/T 33528-2017\n    title: 公共就业服务 术语\n    status: current\n');
    expect(r.code).toBe(0);
    const again = runCli(['validate', '--fix-dry-run'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('keeps -f json output parseable', () => {
    const dir = files();
    const r = runCli(['validate', '--fix', '-f', 'json'], { cwd: dir });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('validate --fix keeps what it does not fix', () => {
  const messy = 'id: m\ntitle: 测试\nframework: none\nsubsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - number: GBT 33528-2017\n        title: 公共就业服务 术语\n        status: current\n        level: national\n';

  it('keeps the file mode of the file it rewrites', () => {
    const dir = tempTree({ '.hrss-std.yaml': '', 'systems/m/system.yaml': messy });
    const file = path.join(dir, 'systems/m/system.yaml');
    chmodSync(file, 0o640);
    expect(runCli(['validate', '--fix', 'systems/m'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('GB/T 33528-2017');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('does not rewrite through a linked folder (the real file may be outside the repository), exit 2 naming the real file', () => {
    const outside = tempTree({ 'z/system.yaml': messy });
    const dir = tempTree({ '.hrss-std.yaml': '' });
    mkdirSync(path.join(dir, 'systems'));
    symlinkSync(path.join(outside, 'z'), path.join(dir, 'systems/z'));
    const r = runCli(['validate', '--fix', 'systems/z'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`路径经过符号链接，实际文件 ${realpathSync(path.join(outside, 'z/system.yaml'))} 在本仓库之外`);
    expect(readFileSync(path.join(outside, 'z/system.yaml'), 'utf8')).toBe(messy);
  });

  it('a linked system.yaml pointing out of the repository is refused the same way, its target untouched', () => {
    const outside = tempTree({ 'shared.yaml': messy });
    const dir = tempTree({ '.hrss-std.yaml': '' });
    mkdirSync(path.join(dir, 'systems/m'), { recursive: true });
    symlinkSync(path.join(outside, 'shared.yaml'), path.join(dir, 'systems/m/system.yaml'));
    const r = runCli(['validate', '--fix', 'systems/m', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the path goes through a symbolic link to ${realpathSync(path.join(outside, 'shared.yaml'))}, outside this repository`);
    expect(readFileSync(path.join(outside, 'shared.yaml'), 'utf8')).toBe(messy);
    expect(lstatSync(path.join(dir, 'systems/m/system.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a linked system.yaml and a linked folder inside the repository: the real files are fixed, the links stay links, modes kept (issue 17)', () => {
    const dir = tempTree({ '.hrss-std.yaml': '', 'shared/base.yaml': messy, 'shared/city/system.yaml': messy.replace('id: m', 'id: c') });
    chmodSync(path.join(dir, 'shared/base.yaml'), 0o600);
    mkdirSync(path.join(dir, 'systems/m'), { recursive: true });
    symlinkSync('../../shared/base.yaml', path.join(dir, 'systems/m/system.yaml'));
    symlinkSync('../shared/city', path.join(dir, 'systems/c'));
    const r = runCli(['validate', '--fix', 'systems/m', 'systems/c'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    for (const real of ['shared/base.yaml', 'shared/city/system.yaml']) {
      expect(readFileSync(path.join(dir, real), 'utf8')).toContain('number: GB/T 33528-2017');
    }
    expect(lstatSync(path.join(dir, 'systems/m/system.yaml')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, 'systems/c')).isSymbolicLink()).toBe(true);
    expect(statSync(path.join(dir, 'shared/base.yaml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.join(dir, 'systems/m'))).toEqual(['system.yaml']);
  });

  it('does not rewrite a hard-linked file (the other name would keep the old text), exit 2', () => {
    const dir = tempTree({ '.hrss-std.yaml': '', 'systems/m/system.yaml': messy });
    linkSync(path.join(dir, 'systems/m/system.yaml'), path.join(dir, 'copy.yaml'));
    const r = runCli(['validate', '--fix', 'systems/m', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file has 2 hard links');
    expect(readFileSync(path.join(dir, 'systems/m/system.yaml'), 'utf8')).toBe(messy);
  });

  it('writes a file that began with a UTF-8 BOM back with the BOM (docs/authoring.md)', () => {
    const text = 'id: bom\ntitle: 测试\nframework: none\nsubsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - number: GB/T  24421.1-2023\n        title: 服务业组织标准化工作指南 第1部分：基本要求\n        status: current\n        level: national\n';
    const dir = tempTree({ 'system.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });
    runCli(['validate', '--fix', 'system.yaml'], { cwd: dir });
    const out = readFileSync(path.join(dir, 'system.yaml'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8')).toBe(text.replace('GB/T  24421.1-2023', 'GB/T 24421.1-2023'));
  });
});
