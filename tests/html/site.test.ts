import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, itemPath, searchKey, standardPath } from '../../src/export/html/index.js';
import { loadSample } from '../export/helpers.js';

const { model, coverage } = loadSample();
const site = buildSite(model, 'zh');
const byPath = new Map(site.map((f) => [f.path, f.text]));

/** Size budget for the bundled sample's site (docs/html.md): all files together. */
const SAMPLE_BUDGET_BYTES = 800 * 1024;

function links(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:href|src)="([^"]*)"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&');
    if (href.startsWith('#') || href.startsWith('data:')) continue;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), href.split('#')[0]!)));
  }
  return out;
}

describe('export --html site', () => {
  it('is the same bytes for the same model', () => {
    expect(buildSite(model, 'zh')).toEqual(site);
  });

  it('stays inside the size budget', () => {
    const bytes = site.reduce((a, f) => a + Buffer.byteLength(f.text), 0);
    expect(bytes).toBeLessThan(SAMPLE_BUDGET_BYTES);
  });

  it('makes no request to another host and every internal link resolves', () => {
    for (const f of site) {
      expect(f.text, f.path).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
      expect(f.text, f.path).not.toMatch(/@import|url\(\s*["']?https?:/);
      // links are in the pages (table.js builds its links from table-data.js, checked in the browser)
      if (f.path.endsWith('.html')) for (const target of links(f.path, f.text)) expect(byPath.has(target), `${f.path} → ${target}`).toBe(true);
    }
  });

  it('has one page per standard and per catalog item', () => {
    for (const r of model.rows) expect(byPath.has(standardPath(r))).toBe(true);
    for (const ic of coverage!.items) expect(byPath.has(itemPath(ic.item.id))).toBe(true);
  });

  it('lists on each item page exactly the standards the gaps engine reports', () => {
    const seqOf = new Map(model.rows.map((r) => [r.entry, r.seq]));
    for (const ic of coverage!.items) {
      const text = byPath.get(itemPath(ic.item.id))!;
      const linked = new Set([...text.matchAll(/href="\.\.\/std\/(\d+)\.html"/g)].map((m) => Number(m[1])));
      const expected = new Set(ic.rows.map((r) => seqOf.get(r.entry)!));
      expect([...linked].sort((a, b) => a - b), ic.item.id).toEqual([...expected].sort((a, b) => a - b));
      expect(text).toContain(`state-${ic.state}`);
    }
  });

  it('writes search keys that fold full-width characters, dash variants and spacing', () => {
    expect(searchKey('ＧＢ／Ｔ　３３５２８—２０１７')).toBe(searchKey('GB/T 33528-2017'));
    expect(searchKey('gbt33528 2017')).toBe(searchKey('GB/T 33528-2017'));
    const withNumber = model.rows.find((r) => r.number)!;
    expect(byPath.get('table-data.js')).toContain(JSON.stringify(searchKey(`${withNumber.number} ${withNumber.title}`)).slice(0, -1));
  });

  it('switches labels with --lang en', () => {
    const en = buildSite(model, 'en');
    expect(en.find((f) => f.path === 'table.html')!.text).toContain('<html lang="en">');
    expect(en.find((f) => f.path === 'table.html')!.text).toContain('Standards table');
    expect(byPath.get('table.html')).toContain('<html lang="zh-CN">');
  });
});
