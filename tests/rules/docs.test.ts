import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { INTRO_FILE, renderRulesDoc, rulesDoc, withRuleTable } from '../../src/rules/docs.js';
import { ruleHelpUri } from '../../src/report/sarif.js';
import { ROOT } from '../helpers.js';
import { lint, of, rows } from './lint.js';

const doc = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
const headings = [...doc.matchAll(/^## `([a-z-]+)`$/gm)].map((m) => m[1]!);

/** Every `.ts` file under src/. */
function sources(dir = path.join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** GitHub's heading anchor: lower case, punctuation other than - and _ dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

describe('docs/rules.md', () => {
  it('is what the rule modules and docs/rules.intro.md give (run `npm run docs:rules` after changing either)', () => {
    const want = renderRulesDoc(readFileSync(path.join(ROOT, INTRO_FILE), 'utf8'), RULES);
    // not toBe(): a diff of 700 lines would hide the instruction
    if (doc !== want) {
      const a = doc.split('\n');
      const b = want.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      expect.fail(`docs/rules.md is out of date: run \`npm run docs:rules\` (first difference at line ${i + 1}:\n  file: ${a[i] ?? '<end>'}\n  want: ${b[i] ?? '<end>'})`);
    }
    expect(rulesDoc(ROOT)).toBe(doc);
  });

  it('has one section per rule, in registry order, and none for a rule that does not exist', () => {
    expect(headings).toEqual(RULES.map((r) => r.id));
  });

  it('has a rule (and so a section) for every id the load stages report', () => {
    // rule ids written as literals where findings are made outside the rule modules (src/system,
    // src/pipeline, src/diagnostics, src/rules/run.ts …); `config` is a usage error (exit 2), not a finding
    const ids = new Set<string>();
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\brule: '([a-z-]+)'|toDiagnostic\('([a-z-]+)'|severityOf\('([a-z-]+)'/g)) ids.add(m[1] ?? m[2] ?? m[3]!);
    }
    ids.delete('config');
    for (const id of ['file-error', 'encoding', 'yaml-syntax', 'schema', 'include-error', 'catalog-error', 'suppression']) {
      expect(ids, `the scan finds ${id}`).toContain(id);
    }
    const stage = new Set(RULES.filter((r) => !r.check).map((r) => r.id));
    expect([...ids].filter((id) => !stage.has(id))).toEqual([]);
    for (const id of ids) expect(headings, id).toContain(id);
  });

  it('gives every rule with a check a bilingual docs paragraph of substance and says where it points', () => {
    for (const r of RULES.filter((x) => x.check)) {
      expect(r.docs.zh.length, r.id).toBeGreaterThan(80);
      expect(r.docs.en.length, r.id).toBeGreaterThan(120);
      expect(r.pointsAt?.zh, r.id).toBeTruthy();
      expect(r.pointsAt?.en, r.id).toBeTruthy();
    }
  });

  it('writes each summary without a final full stop (the page adds 。 and .) and each example as YAML ending in a newline', () => {
    for (const r of RULES) {
      expect(r.description.zh, r.id).not.toMatch(/[。.]$/);
      expect(r.description.en, r.id).not.toMatch(/[。.]$/);
      for (const y of r.example ? [r.example.bad, r.example.good] : []) {
        expect(y, r.id).toMatch(/\S\n$/);
        expect(y, r.id).not.toMatch(/^\s/);
      }
    }
  });

  it('lists under "not reported" only numbers the rule does not report', () => {
    const listed = RULES.filter((r) => r.notReported?.length);
    expect(listed.length).toBeGreaterThan(0);
    for (const r of listed) {
      for (const v of r.notReported!.flatMap((g) => g.values)) {
        expect(of(lint(rows([`number: "${v}"`, 'title: 某标准'])), r.id), `${r.id}: ${v}`).toEqual([]);
      }
    }
  });

  it('README.md has the rule table the modules give (run `npm run docs:rules`)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(withRuleTable(readme, RULES) === readme, 'the rule table of README.md is out of date: run `npm run docs:rules`').toBe(true);
    // and the table is the only one in the README listing rules
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(RULES.map((r) => r.id));
  });

  it('has the anchors the SARIF report links to (ruleHelpUri)', () => {
    const anchors = new Set([...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
    for (const r of RULES) {
      const uri = ruleHelpUri(r.id);
      expect(uri).toMatch(/\/docs\/rules\.md#/);
      const anchor = decodeURIComponent(uri.slice(uri.indexOf('#') + 1));
      expect(anchors, `${r.id}: no heading with the anchor #${anchor}`).toContain(anchor);
    }
    // no other heading has a rule's anchor (GitHub would number the second one: #schema-1)
    const all = [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!));
    expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
  });
});
