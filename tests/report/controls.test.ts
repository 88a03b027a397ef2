import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { visibleControls } from '../../src/report/controls.js';

// A number holding a terminal escape (clear screen), a bell and a right-to-left override: a finding
// quotes the number, so without care the report would clear the terminal or show reordered text.
const SYSTEM = `id: controls
title: 控制字符
framework: none
subsystems:
  - code: "100"
    title: 基础
    standards:
      - number: "GB/T 1\\e[2J\\a\\u202e-2020"
        title: 某标准
        status: current
        level: national
`;
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control and bidi characters from the data in reports', () => {
  const dir = tempTree({ 'system.yaml': SYSTEM });
  const file = path.join(dir, 'system.yaml');

  it('are shown as escapes in the terminal report and in GitHub annotations', () => {
    for (const format of ['stylish', 'github']) {
      const r = runCli(['validate', '-f', format, file]);
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('number-format');
      expect(r.stdout, format).toContain('GB/T 1\\u001b[2J\\u0007\\u202e-2020');
      expect(RAW.test(r.stdout), format).toBe(false);
    }
  });

  it('stay data in JSON, where the JSON escapes hold them', () => {
    const r = runCli(['validate', '-f', 'json', file]);
    const out = JSON.parse(r.stdout) as { diagnostics: { rule: string; message: string }[] };
    expect(out.diagnostics.find((d) => d.rule === 'number-format')!.message).toContain('GB/T 1\u001b[2J\u0007\u202e-2020');
  });

  it('leave ordinary text, line feeds and CJK alone', () => {
    expect(visibleControls('GB/T 24421.1-2023 服务标准体系\n第二行')).toBe('GB/T 24421.1-2023 服务标准体系\n第二行');
    expect(visibleControls('a\rb\u009bc\u2067d')).toBe('a\\u000db\\u009bc\\u2067d');
  });
});
