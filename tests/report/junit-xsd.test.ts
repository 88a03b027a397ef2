/**
 * `hrss-std validate -f junit` checked by libxml2 against the JUnit XSD in tests/fixtures/junit/
 * (Jenkins xunit-plugin junit-10.xsd's content model; see the README there): the sample system with
 * its warnings, a clean system, a system with errors, a file error (exit 2), and generated findings
 * full of characters XML must escape or cannot hold. What a consumer reads back is what was meant.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { summarize } from '../../src/diagnostics/resolve.js';
import { junit } from '../../src/report/junit.js';
import { ROOT, runCli, tempTree } from '../helpers.js';
import { fcParams } from '../robust/mutate.js';
import { expectJunitValid, junitSchemaErrors, xpathString } from './xmllint.js';

const report = (diagnostics: Diagnostic[], files: string[] = []) =>
  junit.format({ diagnostics, summary: summarize(diagnostics, 1, files.length, 0), lang: 'zh', color: false, toolVersion: '9.9.9', files });

describe('junit report against the JUnit XSD (xmllint)', () => {
  it('the CLI report is valid: sample system with warnings, clean system, errors, a file error', () => {
    const sample = runCli(['validate', '-f', 'junit', 'systems/zhanjiang'], { cwd: ROOT });
    expect(sample.code, sample.stderr).toBe(0);
    expect(sample.stdout).toMatch(/failures="[1-9]\d*"/);

    const clean = tempTree({
      'systems/c/system.yaml': 'id: c\ntitle: 干净的体系\nsubsystems:\n  - code: "100"\n    title: 基础通用\n    include: base.yaml\n',
      'systems/c/base.yaml': 'standards:\n  - code: "100-01"\n    title: 待制定的基础标准\n    status: planned\n    level: local\n',
    });
    const cleanRun = runCli(['validate', '-f', 'junit'], { cwd: clean });
    expect(cleanRun.code, cleanRun.stderr).toBe(0);

    const bad = tempTree({
      'systems/e/system.yaml': 'id: e\ntitle: "坏 <体系> & \'引号\'"\nsubsystems: [\n',
      'systems/f/system.yaml': 'id: f\ntitle: x\nframwork: 1\nsubsystems:\n  - code: "100"\n    title: a\n    include: missing.yaml\n',
    });
    const errors = runCli(['validate', '-f', 'junit'], { cwd: bad });
    expect(errors.code, errors.stderr).toBe(1);
    expect(errors.stdout).toContain('<failure type="include-error"');

    const fileError = tempTree({});
    mkdirSync(path.join(fileError, 'systems', 'g', 'system.yaml'), { recursive: true });
    const fe = runCli(['validate', '-f', 'junit', 'systems/g'], { cwd: fileError });
    expect(fe.code, fe.stderr).toBe(2);
    expect(fe.stdout).toContain('[file-error]');

    expect(junitSchemaErrors({ sample: sample.stdout, clean: cleanRun.stdout, errors: errors.stdout, fileError: fe.stdout })).toBe('');
  });

  it('the schema is in force: it refuses what junit-10.xsd refuses', () => {
    expect(junitSchemaErrors({ r: '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="x" file="a" line="3"/></testsuite></testsuites>' }))
      .toMatch(/attribute 'file' is not allowed/);
    expect(junitSchemaErrors({ r: '<testsuites><testsuite name="a" tests="1"><testcase name="x"/></testsuite></testsuites>' }))
      .toMatch(/attribute 'failures' is required/);
    expect(junitSchemaErrors({ r: '<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>' }))
      .toMatch(/attribute 'name' is required/);
  });

  it('line breaks and tabs in a message reach the consumer unchanged (a bare CR in element text was read as LF)', () => {
    const message = '第一行\r\n第二行\r第三行\t制表\n末行';
    const xml = report([{ rule: 'schema', severity: 'error', file: 'systems/a/system.yaml', line: 3, column: 1, message: { zh: message, en: message } }]);
    expectJunitValid(xml);
    expect(xpathString(xml, '//failure/@message')).toBe(message);
    expect(xpathString(xml, '//failure')).toBe(`error systems/a/system.yaml:3:1 [schema]\n${message}`);
  });

  it('generated findings with markup, controls, lone surrogates and non-characters: always valid, text read back as escaped', () => {
    const unit = fc.oneof(
      fc.constantFrom('\r', '\n', '\t', '<', '>', '&', '"', "'", ']]>', '\u0000', '\u001f', '\u0085', '\u2028', '\ufffe', '\uffff', '\ud800', '\udfff', '中', ' ', '&amp;'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 24 });
    const diag: fc.Arbitrary<Diagnostic> = fc.record({
      rule: text, file: text, line: fc.nat(), column: fc.nat(),
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      message: fc.record({ zh: text, en: text }),
      hint: fc.option(fc.record({ zh: text, en: text }), { nil: undefined }),
    });
    const runs = fc.sample(fc.tuple(fc.array(diag, { maxLength: 5 }), fc.array(text, { maxLength: 3 })), { ...fcParams(60), seed: 1717 });
    const docs: Record<string, string> = {};
    runs.forEach(([ds, files], i) => { docs[`run ${i}`] = report(ds, [...ds.map((x) => x.file), ...files]); });
    expect(junitSchemaErrors(docs)).toBe('');
    // what a consumer reads is the message with only the characters XML cannot hold replaced
    const [ds] = runs.find(([x]) => x.some((y) => y.severity !== 'info'))!;
    const first = ds.find((y) => y.severity !== 'info')!;
    const xml = report([first]);
    const holdable = first.message.zh.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    expect(xpathString(xml, '//failure/@message')).toBe(holdable);
  });
});
