import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

/** export --html --assess: the 体系评价 as a page of the site, the same figures as assess -f json. */
describe('export --html --assess', () => {
  const dir = tempTree({});
  const site = path.join(dir, 'site');
  const r = runCli(['export', 'systems/zhanjiang', '--html', site, '--assess', '--date', '2026-12-04', '--assessor', '审查组']);
  const page = (p: string) => readFileSync(path.join(site, p), 'utf8');
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  it('adds assess.html with the conclusion, every indicator with its value and verdict, and the problems with their places', () => {
    expect(r.code, r.stderr).toBe(0);
    const html = unescape(page('assess.html'));
    const j = JSON.parse(runCli(['assess', 'systems/zhanjiang', '-f', 'json', '--date', '2026-12-04', '--assessor', '审查组']).stdout).systems[0];
    for (const s of ['审查组', '2026-12-04', j.overall.conclusion]) expect(html).toContain(s);
    for (const g of j.groups) {
      expect(html).toContain(`${g.title}：`);
      for (const i of g.indicators) expect(html).toContain(i.title);
    }
    for (const p of j.problems) {
      expect(html).toContain(p.summary);
      for (const pl of p.places.slice(0, 20)) expect(html).toContain(`${pl.file}:${pl.line}`);
    }
    // every page links to it
    expect(page('table.html')).toContain('href="assess.html"');
    expect(page('std/1.html')).toContain('href="../assess.html"');
  });

  it('without --assess the site has no assessment page', () => {
    const plain = path.join(dir, 'plain');
    expect(runCli(['export', 'systems/zhanjiang', '--html', plain]).code).toBe(0);
    expect(() => readFileSync(path.join(plain, 'assess.html'))).toThrow();
    expect(readFileSync(path.join(plain, 'index.html'), 'utf8')).not.toContain('assess.html');
  });
});
