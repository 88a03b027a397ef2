/** Shared by the export CLI tests (cli.test.ts, cli-policy.test.ts: two files so they run side by side). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const out = () => mkdtempSync(path.join(tmpdir(), 'hrss-std-export-'));

/** A small system with real numbers (data/known-standards.yaml) and cells that look like formulas. */
export const TINY = `id: tiny
title: 测试市人社公共服务标准体系
framework: none
catalog: hrss-basic
subsystems:
  - code: "100"
    title: 基础通用标准
    standards:
      - code: "100-01"
        number: GB/T 13016-2018
        title: 标准体系构建原则和要求
        published: "2018-02-06"
        effective: "2018-09-01"
      - code: "100-02"
        title: '=HYPERLINK("http://example.invalid","点击")'
        level: local
        status: planned
        note: "+1 不是公式"
  - code: "200"
    title: 就业服务标准
    standards:
      - code: "200-01"
        title: "-2 以减号开头的名称"
        level: local
        status: planned
        department: "@人社局"
        services: [P03-01]
`;

/** The same system with a planted error: the code 100-01 twice (duplicate-code). */
export const WITH_ERROR = TINY.replace(`      - code: "200-01"`, `      - code: "100-01"`);

/** DOS date and time of the first entry of a zip (local file header). */
export function zipStamp(buf: Buffer): { y: number; m: number; d: number; hh: number; mm: number } {
  const time = buf.readUInt16LE(10);
  const date = buf.readUInt16LE(12);
  return { y: (date >> 9) + 1980, m: (date >> 5) & 15, d: date & 31, hh: time >> 11, mm: (time >> 5) & 63 };
}
