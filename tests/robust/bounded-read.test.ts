import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedReadError, readRegularFile, readRegularFileHead } from '../../src/util/bounded-read.js';
import { headingIds, readTemplateStyles, TemplateError } from '../../src/export/docx/template.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-bounded-'));
const fifo = path.join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>';
const docx = (styles: string | Uint8Array, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': typeof styles === 'string' ? strToU8(styles) : styles, ...extra });

describe('bounded reads (src/util/bounded-read.ts)', () => {
  it('refuses a FIFO without blocking, and devices', () => {
    expect(() => readRegularFile(fifo, 1024)).toThrow(BoundedReadError);
    expect(() => readRegularFile(fifo, 1024)).toThrow(/not a regular file/);
    expect(() => readRegularFile('/dev/zero', 1024)).toThrow(/not a regular file/);
    expect(() => readRegularFileHead('/dev/zero', 4)).toThrow(/not a regular file/);
  });

  it('refuses a file over the cap and reads one under it', () => {
    const f = path.join(dir, 'ten');
    writeFileSync(f, '0123456789');
    expect(() => readRegularFile(f, 9)).toThrow(/too large/);
    expect(readRegularFile(f, 10).toString()).toBe('0123456789');
    expect(readRegularFileHead(f, 4).toString()).toBe('0123');
  });
});

describe('--docx-template and gaps --baseline from a FIFO or device: exit 2 with a message, no hang', () => {
  it('export --docx-template FIFO', () => {
    const r = runCli(['export', 'systems/zhanjiang', '--docx', path.join(dir, 'out.docx'), '--docx-template', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at /);
  });

  it('export --docx-template /dev/zero', () => {
    const r = runCli(['export', 'systems/zhanjiang', '--docx', path.join(dir, 'out.docx'), '--docx-template', '/dev/zero', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file');
  });

  it('gaps --baseline FIFO', () => {
    const r = runCli(['gaps', 'systems/zhanjiang', '--baseline', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });
});

describe('docx template contents', () => {
  it('accepts a real-shaped styles.xml and finds the Chinese heading ids', () => {
    expect(headingIds(readTemplateStyles(docx(STYLES))).heading1).toBe('1');
  });

  it('refuses a zip bomb (styles.xml over the uncompressed limit) before inflating it', () => {
    const bomb = docx(new Uint8Array(17 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readTemplateStyles(bomb)).toThrow(/larger than/);
  });

  it('refuses more entries than a template has', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_001; i++) many[`x/${i}`] = new Uint8Array(0);
    expect(() => readTemplateStyles(docx(STYLES, many))).toThrow(/entries/);
  });

  it('refuses DOCTYPE/ENTITY and malformed styles.xml with a TemplateError', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaa">]><w:styles>&a;</w:styles>';
    expect(() => readTemplateStyles(docx(laughs))).toThrow(TemplateError);
    expect(() => readTemplateStyles(docx(laughs))).toThrow(/DOCTYPE or ENTITY/);
    expect(() => readTemplateStyles(docx('<w:styles><w:style'))).toThrow(/not well-formed/);
  });

  it('scans many unclosed <w:style> tags in linear time (was minutes for 11 KB)', () => {
    const hostile = '<w:styles>' + '<w:style w:styleId="x">'.repeat(200_000) + '</w:styles>';
    // 4.6 MB: the old lazy regex would not finish within the test timeout
    expect(headingIds(hostile).heading1).toBe(headingIds('').heading1);
  });

  it('CLI: a DOCTYPE template is exit 2 with the reason, not an internal error', () => {
    const f = path.join(dir, 'entity.docx');
    writeFileSync(f, docx('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><w:styles>&a;</w:styles>'));
    const r = runCli(['export', 'systems/zhanjiang', '--docx', path.join(dir, 'out2.docx'), '--docx-template', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DOCTYPE or ENTITY');
    expect(r.stderr).not.toContain('内部错误');
  });
});
