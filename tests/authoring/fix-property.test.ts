import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/authoring/fix/apply.js';
import { enumFix, numberFix } from '../../src/authoring/fix/plan.js';

/** Messy values as people type them, plus strings that are hard to write in YAML. */
const NUMBERS = ['GBT 33528-2017', 'GB/T 33528－2017', 'ＧＢ／Ｔ　３３５２８—２０１７', 'gb/t  1.1 - 2020', 'LD/T 01-2020', 'DB44/T 1234—2021',
  'GB/T 19001-2016/ISO 9001:2015', 'DBXX/T XXXX-XXXX', 'not a number', 'a: b', 'x #y', '[1]', "it's", '"q"', '100', 'true', ' GB/T 1.1-2020 '];
const LEVELS = ['国标', '国家标准', 'national', '地标', '行标', '省标', ' local', 'Local'];
const STATUSES = ['现行', 'current', '待制定', '废止', 'planned ', '作废了'];
const TITLES = ['公共就业服务 术语', '标题：带冒号', 'a: b', '# 不是注释', '  前后空白  '];

const scalar = (v: string) => fc.constantFrom(JSON.stringify(v), `'${v.replace(/'/g, "''")}'`, v);

const entry = fc.record({
  number: fc.constantFrom(...NUMBERS).chain(scalar),
  level: fc.constantFrom(...LEVELS).chain(scalar),
  status: fc.constantFrom(...STATUSES).chain(scalar),
  title: fc.constantFrom(...TITLES).chain(scalar),
  trailing: fc.constantFrom('', ' ', '\t', '  '),
  flow: fc.boolean(),
});

function doc(entries: fc.RecordValue<{ number: string; level: string; status: string; title: string; trailing: string; flow: boolean }>[]): string {
  const lines = ['id: p', 'title: 性质测试', 'standards:'];
  for (const e of entries) {
    if (e.flow) lines.push(`  - { number: ${e.number}, title: ${e.title}, level: ${e.level}, status: ${e.status} }${e.trailing}`);
    else lines.push(`  - number: ${e.number}${e.trailing}`, `    title: ${e.title}`, `    level: ${e.level}${e.trailing}`, `    status: ${e.status}`);
  }
  return lines.join('\n') + '\n';
}

const FIXABLE = new Set(['number', 'level', 'status', 'title']);

describe('validate --fix on generated files', () => {
  it('changes only fixable values, keeps the file valid YAML, and is idempotent', () => {
    fc.assert(fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
      const text = doc(entries);
      let before: { standards: Record<string, unknown>[] } | undefined;
      try {
        before = parse(text) as { standards: Record<string, unknown>[] };
      } catch {
        return; // the generator wrote invalid YAML (e.g. a plain "a: b" in a flow map): nothing to check
      }
      const r = fixText(text);
      if (r.syntaxError) {
        expect(r.text).toBe(text);
        return;
      }
      const after = parse(r.text) as { standards: Record<string, unknown>[] };
      expect(after.standards).toHaveLength(before.standards.length);
      before.standards.forEach((b, i) => {
        const a = after.standards[i]!;
        expect(Object.keys(a)).toEqual(Object.keys(b));
        for (const k of Object.keys(b)) {
          if (!FIXABLE.has(k)) expect(a[k]).toEqual(b[k]);
          else if (!isDeepStrictEqual(a[k], b[k])) {
            // a changed value is exactly the fix for what was written
            const was = String(b[k]);
            const want = k === 'number' ? numberFix(was) ?? was.trim()
              : k === 'level' || k === 'status' ? enumFix(k, was) ?? was.trim()
                : was.trim();
            expect(a[k]).toBe(want);
          }
        }
      });
      expect(fixText(r.text).text).toBe(r.text);
    }), { numRuns: 300, seed: 20240501 });
  });
});
