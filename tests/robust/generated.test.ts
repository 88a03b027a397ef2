import { chmodSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempTree } from '../helpers.js';
import { checkCase } from './corpus.js';

/**
 * Bad inputs that are too big to commit, are bytes rather than text (and so
 * could be changed by a git checkout's line-ending rules), or need the file
 * system (links, permissions, pipes): made in a temporary folder at test time.
 */

const SYS = 'systems/x/system.yaml';
const HDR = 'id: x\ntitle: 坏输入测试\n';
const isRoot = process.getuid?.() === 0;
const isWindows = process.platform === 'win32';

/** 标准体系 in GBK is B1EA D7BC CCE5 CFB5 (Node has no GBK encoder, so the bytes are written by hand). */
const GBK_BIAOZHUN_TIXI = Buffer.from([0xb1, 0xea, 0xd7, 0xbc, 0xcc, 0xe5, 0xcf, 0xb5]);
const gbkSystem = () => Buffer.concat([Buffer.from('id: x\ntitle: '), GBK_BIAOZHUN_TIXI, Buffer.from('\n')]);
/** The start of an .xlsx (a zip) renamed to .yaml. */
const XLSX = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xee, 0x9d, 0x68]);

describe('generated bad inputs', () => {
  it('UTF-8 with BOM and CRLF line ends is accepted', () => {
    const text = '\ufeff' + (HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - { title: 待制定, status: planned, level: local }\n').replace(/\n/g, '\r\n');
    checkCase(tempTree({ [SYS]: text }), { rule: null, exit: 0 });
  });

  it('BOM and CRLF do not shift lines or columns', () => {
    const text = '\ufeffidd: x\r\ntitle: 坏输入测试\r\nframwork: none\r\nsubsystems:\r\n  - code: "100"\r\n    title: 基础\r\n    standards:\r\n      - { title: 待制定, status: planned, level: locale }\r\n';
    const dir = tempTree({ [SYS]: text });
    checkCase(dir, { rule: 'schema', exit: 1, file: SYS, line: 1, column: 1, message: 'idd', also: [
      { rule: 'schema', file: SYS, line: 3, column: 1 },
      // "      - { title: 待制定, status: planned, level: " is 46 UTF-16 units: the value starts at column 47
      { rule: 'schema', file: SYS, line: 8, column: 47 },
    ] });
  });

  it('GBK/GB18030 is refused with the encoding named and a way to convert it', () => {
    const r = checkCase(tempTree({ [SYS]: gbkSystem() }), { rule: 'encoding', exit: 1, file: SYS, line: 1, column: 1, message: 'GBK/GB18030' });
    expect(JSON.parse(r.stdout).diagnostics[0].hint).toContain('UTF-8');
  });

  it('UTF-16 (Windows Notepad "Unicode") is refused', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HDR, 'utf16le')]);
    checkCase(tempTree({ [SYS]: utf16 }), { rule: 'encoding', exit: 1, file: SYS, line: 1, column: 1, message: 'UTF-16' });
  });

  it('a binary file (an Excel workbook renamed to .yaml) is refused', () => {
    checkCase(tempTree({ [SYS]: XLSX }), { rule: 'encoding', exit: 1, file: SYS, line: 1, column: 1, message: '二进制' });
  });

  it('a control character pasted from Word is located', () => {
    checkCase(tempTree({ [SYS]: HDR + 'owner: 湛江\u000b市人社局\n' }), { rule: 'yaml-syntax', exit: 1, file: SYS, line: 3, column: 10, message: '控制字符（U+000B）' });
  });

  it('a 20 MB file is refused over the default limit, with the limit named', () => {
    const big = HDR + 'description: |\n' + '  这是一段很长的说明文字，用于测试大文件。\n'.repeat(20 * 1024 * 1024 / 60) ;
    expect(Buffer.byteLength(big)).toBeGreaterThan(20 * 1000 * 1000);
    const dir = tempTree({ [SYS]: big });
    const r = checkCase(dir, { rule: 'file-error', exit: 2, file: SYS, line: 1, column: 1, message: '文件过大' });
    expect(JSON.parse(r.stdout).diagnostics[0].hint).toContain('limits.max_file_bytes');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a 20 MB file is read when limits.max_file_bytes allows it', () => {
    const big = HDR + 'description: |\n' + '  这是一段很长的说明文字，用于测试大文件。\n'.repeat(20 * 1024 * 1024 / 60) +
      'subsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - { title: 待制定, status: planned, level: locale }\n';
    const lines = big.split('\n').length;
    const dir = tempTree({ [SYS]: big, '.hrss-std.yaml': 'limits:\n  max_file_bytes: 40000000\n' });
    checkCase(dir, { rule: 'schema', exit: 1, file: SYS, line: lines - 1, column: 47 });
    rmSync(dir, { recursive: true, force: true });
  });

  // push(...rows) overflowed the call stack past ~125,000 rows; appendAll (src/util/array.ts) does not.
  it('130,000 rows in one sub-system (6.5 MB, under the default limit) are checked', () => {
    const rows = '      - {title: x, status: planned, level: local}\n'.repeat(130_000);
    checkCase(tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "1"\n    title: a\n    standards:\n' + rows }), { rule: null, exit: 0 });
  });

  it('20,000 levels of flow nesting: refused, no stack overflow', () => {
    const deep = HDR + 'note: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    checkCase(tempTree({ [SYS]: deep }), { rule: 'yaml-syntax', exit: 1, file: SYS, line: 3, message: '嵌套层级过深（上限 200）' });
  });

  it('20,000 levels of block nesting (- - - …): refused, no stack overflow', () => {
    const deep = HDR + 'note:\n' + '- '.repeat(20_000) + 'x\n';
    checkCase(tempTree({ [SYS]: deep }), { rule: 'yaml-syntax', exit: 1, file: SYS, line: 4, message: '嵌套层级过深' });
  });

  it('nesting beyond what the parser can take, with the limit raised: still a message', () => {
    const deep = HDR + 'note: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    checkCase(tempTree({ [SYS]: deep, '.hrss-std.yaml': 'limits:\n  max_depth: 1000000\n' }), { rule: 'yaml-syntax', exit: 1, file: SYS, line: 3, message: '嵌套层级过深' });
  });

  it('an include that follows a symbolic link out of the system folder is refused', () => {
    const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: body.yaml\n', 'elsewhere/secret.yaml': 'standards: []\n' });
    symlinkSync(path.join(dir, 'elsewhere/secret.yaml'), path.join(dir, 'systems/x/body.yaml'));
    checkCase(dir, { rule: 'include-error', exit: 1, file: SYS, line: 6, column: 14, message: '符号链接' });
  });

  it('a symbolic link that stays inside the system folder is fine', () => {
    const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: body.yaml\n', 'systems/x/parts/real.yaml': 'standards:\n  - { title: 待制定, status: planned, level: local }\n' });
    symlinkSync(path.join(dir, 'systems/x/parts/real.yaml'), path.join(dir, 'systems/x/body.yaml'));
    checkCase(dir, { rule: null, exit: 0 });
  });

  it('a symbolic link loop is reported, not followed forever', () => {
    const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: a.yaml\n' });
    symlinkSync('b.yaml', path.join(dir, 'systems/x/a.yaml'));
    symlinkSync('a.yaml', path.join(dir, 'systems/x/b.yaml'));
    checkCase(dir, { rule: 'include-error', exit: 1, file: SYS, line: 6, column: 14, message: '循环的符号链接' });
  });

  it('a folder where system.yaml should be is an I/O error (exit 2)', () => {
    const dir = tempTree({ 'systems/x/system.yaml/README.md': '误建的目录\n' });
    checkCase(dir, { rule: 'file-error', exit: 2, file: SYS, line: 1, column: 1, message: '目录' });
  });

  it.skipIf(isWindows)('a named pipe as an include is refused instead of blocking forever', () => {
    const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: body.yaml\n' });
    const made = spawnSync('mkfifo', [path.join(dir, 'systems/x/body.yaml')]);
    if (made.status !== 0) return; // no mkfifo on this system
    checkCase(dir, { rule: 'file-error', exit: 2, file: 'systems/x/body.yaml', line: 1, column: 1, message: '不是普通文件' });
  });

  // root reads everything, so permissions cannot be tested as root
  describe.skipIf(isRoot || isWindows)('permissions', () => {
    const locked: string[] = [];
    afterAll(() => {
      for (const p of locked) chmodSync(p, 0o755);
    });

    it('an unreadable system.yaml is an I/O error (exit 2), located, and the others are still checked', () => {
      const dir = tempTree({ [SYS]: HDR, 'systems/y/system.yaml': 'id: y\ntitle: 好\nframwork: none\n' });
      chmodSync(path.join(dir, SYS), 0o000);
      locked.push(path.join(dir, SYS));
      checkCase(dir, { rule: 'file-error', exit: 2, file: SYS, line: 1, column: 1, message: '没有读取权限', also: [{ rule: 'schema', file: 'systems/y/system.yaml', line: 3, column: 1 }] });
    });

    it('an unreadable included file is an I/O error (exit 2)', () => {
      const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: body.yaml\n', 'systems/x/body.yaml': 'standards: []\n' });
      chmodSync(path.join(dir, 'systems/x/body.yaml'), 0o000);
      locked.push(path.join(dir, 'systems/x/body.yaml'));
      checkCase(dir, { rule: 'file-error', exit: 2, file: 'systems/x/body.yaml', line: 1, column: 1 });
    });

    it('an unreadable sub-folder of an include is an I/O error (exit 2)', () => {
      const dir = tempTree({ [SYS]: HDR + 'subsystems:\n  - code: "100"\n    title: 基础\n    include: parts/body.yaml\n', 'systems/x/parts/body.yaml': 'standards: []\n' });
      chmodSync(path.join(dir, 'systems/x/parts'), 0o000);
      locked.push(path.join(dir, 'systems/x/parts'));
      checkCase(dir, { rule: 'include-error', exit: 2, file: SYS, line: 6, column: 14, message: '没有权限' });
    });
  });

  it('one bad file never hides the others: every file read and every file not read is reported', () => {
    const dir = tempTree({
      'systems/a-gbk/system.yaml': gbkSystem(),
      'systems/b-binary/system.yaml': XLSX,
      'systems/c-syntax/system.yaml': 'id: c\ntitle: "未闭合\n',
      'systems/d-schema/system.yaml': 'id: d\ntitle: 字段错误\nframwork: none\n',
      'systems/e-folder/system.yaml/keep.txt': '',
      'systems/f-good/system.yaml': 'id: f\ntitle: 好的\nsubsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - { title: 待制定, status: planned, level: local }\n',
    });
    const r = checkCase(dir, { rule: 'encoding', exit: 2, file: 'systems/a-gbk/system.yaml', line: 1, column: 1, systems: 6, also: [
      { rule: 'encoding', file: 'systems/b-binary/system.yaml', line: 1, column: 1 },
      { rule: 'yaml-syntax', file: 'systems/c-syntax/system.yaml', line: 2, column: 8 },
      { rule: 'schema', file: 'systems/d-schema/system.yaml', line: 3, column: 1 },
      { rule: 'file-error', file: 'systems/e-folder/system.yaml', line: 1, column: 1 },
    ] });
    const files = new Set((JSON.parse(r.stdout).diagnostics as { file: string }[]).map((d) => d.file));
    expect([...files].sort()).toEqual(['systems/a-gbk/system.yaml', 'systems/b-binary/system.yaml', 'systems/c-syntax/system.yaml', 'systems/d-schema/system.yaml', 'systems/e-folder/system.yaml']);
  });

  it('never changes the files it reads', () => {
    const text = HDR + 'framwork: none\nowner: 甲\nowner: 乙\n';
    const dir = tempTree({ [SYS]: text, 'systems/y/system.yaml': gbkSystem() });
    checkCase(dir, { rule: 'yaml-syntax', exit: 1 });
    expect(readFileSync(path.join(dir, SYS), 'utf8')).toBe(text);
    expect(readFileSync(path.join(dir, 'systems/y/system.yaml'))).toEqual(gbkSystem());
  });
});

