import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

// The precompiled validators (src/schema/compiled/validators.cts) must match the schemas and
// report exactly what ajv compiling the schemas at run time reports.
describe('precompiled schema validators', () => {
  it('are generated from the current schemas (else run: node bench/compile-schemas.js)', async () => {
    const { generate } = (await import(path.join(ROOT, 'bench/compile-schemas.js'))) as { generate: () => string };
    expect(readFileSync(path.join(ROOT, 'src/schema/compiled/validators.cts'), 'utf8')).toBe(generate());
  });

  it('give the same findings, lines and columns as run-time ajv', () => {
    const dir = tempTree({
      'systems/x/system.yaml': [
        'id: X_bad',
        'title: ""',
        'region: { name: 某市, code: 44 }',
        'framwork: none',
        'subsystems:',
        '  - code: "100"',
        '    title: 基础',
        '    include: body.yaml',
        '    standards:',
        '      - code: "100-01"',
        '        number: GB/T 90001-2020',
        '        title: 测试（虚构）',
        '        levle: national',
        '        status: 现形',
        '        published: "2020-13-01"',
        '        services: [1, ""]',
        '        adopted: { degree: XYZ }',
        '',
      ].join('\n'),
      'systems/x/body.yaml': 'standards:\n  - title: 测试2（虚构）\n    level: 省标\n    reviewed: "2021-02-30"\nextra: 1\n',
    });
    const pre = runCli(['validate', '--lang', 'en', '-f', 'json'], { cwd: dir });
    const rt = runCli(['validate', '--lang', 'en', '-f', 'json'], { cwd: dir, env: { HRSS_STD_SCHEMA_RUNTIME: '1' } });
    expect(pre.code).toBe(1);
    expect(pre.stdout).toBe(rt.stdout);
    const schema = (JSON.parse(pre.stdout) as { diagnostics: { rule: string; line: number; column: number; message: string; file: string }[] })
      .diagnostics.filter((d) => d.rule === 'schema');
    expect(schema.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(expect.arrayContaining([
      'systems/x/system.yaml:1:5 id has the wrong form: "X_bad"',
      'systems/x/system.yaml:4:1 unknown key "framwork"',
      'systems/x/system.yaml:15:20 subsystems.0.standards.0.published is not a valid date: "2020-13-01"',
      'systems/x/body.yaml:4:15 standards.0.reviewed is not a valid date: "2021-02-30"',
      'systems/x/body.yaml:5:1 unknown key "extra"',
    ]));
  });
});
