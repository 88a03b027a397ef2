import type { Formatter } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { t } from '../i18n/index.js';
import { hintLabel, reportFiles, relatedLines } from './text.js';
import { xmlAttr, xmlText } from '../util/xml.js';

/**
 * JUnit XML for CI test dashboards (Jenkins, GitLab, Azure): a testsuite per
 * file, a testcase per finding (errors and warnings fail; info passes with
 * the note in system-out), and one passing testcase for a clean file. Only what the common JUnit
 * XSD (junit-10.xsd) allows: the file and line are in the case name, classname and failure text,
 * not in file/line attributes, which strict consumers reject.
 */
export const junit: Formatter = {
  name: 'junit',
  description: { zh: 'JUnit XML（Jenkins、GitLab 等 CI 的测试报告）', en: 'JUnit XML (test reports in Jenkins, GitLab and other CI)' },
  format({ diagnostics, lang, files }) {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of reportFiles(diagnostics, files)) byFile.set(f, []);
    for (const d of diagnostics) byFile.get(d.file)!.push(d);
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    for (const [file, ds] of byFile) {
      const cases: string[] = [];
      let fails = 0;
      for (const d of ds) {
        const name = `${d.line}:${d.column} ${d.rule}`;
        const head = `  <testcase classname="${xmlAttr(file)}" name="${xmlAttr(name)}">`;
        const body = [
          `${d.severity} ${file}:${d.line}:${d.column} [${d.rule}]`,
          t(d.message, lang),
          ...(d.hint ? [hintLabel(lang) + t(d.hint, lang)] : []),
          ...relatedLines(d, lang),
        ].join('\n');
        if (d.severity === 'info') {
          cases.push(`${head}\n      <system-out>${xmlText(body)}</system-out>\n    </testcase>`);
        } else {
          fails++;
          cases.push(`${head}\n      <failure type="${xmlAttr(d.rule)}" message="${xmlAttr(t(d.message, lang))}">${xmlText(body)}</failure>\n    </testcase>`);
        }
      }
      if (ds.length === 0) cases.push(`  <testcase classname="${xmlAttr(file)}" name="hrss-std validate"/>`);
      const n = Math.max(ds.length, 1);
      tests += n;
      failures += fails;
      suites.push(`  <testsuite name="${xmlAttr(file)}" tests="${n}" failures="${fails}" errors="0" skipped="0">\n  ${cases.join('\n  ')}\n  </testsuite>`);
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="hrss-std" tests="${tests}" failures="${failures}" errors="0">`,
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
  },
};
