import { describe, expect, it } from 'vitest';
import { ColumnConfigError, DEFAULT_COLUMN_LABELS, resolveColumns } from '../../src/export/columns.js';
import { dataDate } from '../../src/export/model.js';
import { percent } from '../../src/export/stats.js';
import { effectiveLevel } from '../../src/model/level.js';
import { allStandards, IN_FORCE, LEVELS, walkNodes, type StandardSystem } from '../../src/model/types.js';
import { loadSample } from './helpers.js';

describe('export model of the bundled sample', () => {
  const { model, system } = loadSample();

  it('numbers every row once, in tree order', () => {
    const entries = model.rows.map((r) => r.entry);
    expect(entries).toEqual(allStandards(system));
    expect(model.rows.map((r) => r.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(50);
  });

  it('puts a group line before the rows of every sub-system, in tree order', () => {
    const groups = model.detail.flatMap((d) => (d.kind === 'group' ? [d.group.code] : []));
    expect(groups).toEqual([...walkNodes(system.subsystems)].map((n) => n.code));
    let current = '';
    for (const d of model.detail) {
      if (d.kind === 'group') current = d.group.code;
      else expect(d.row.node?.code).toBe(current);
    }
  });

  it('counts 应有 (every row) and 现有 (published, current or upcoming) per level, recomputed from the rows', () => {
    const entries = allStandards(system);
    for (const l of LEVELS) {
      const of = entries.filter((e) => effectiveLevel(e) === l);
      const stat = model.stats.byLevel.find((s) => s.level === l)!;
      expect(stat.expected).toBe(of.length);
      expect(stat.existing).toBe(of.filter((e) => IN_FORCE.has(e.status) && e.number).length);
      expect(stat.pct).toBe(of.length ? percent(stat.existing, stat.expected) : null);
    }
    expect(model.stats.total.expected).toBe(entries.length);
    expect(model.stats.total.existing).toBe(entries.filter((e) => IN_FORCE.has(e.status) && e.number).length);
    expect(model.stats.byStatus.find((s) => s.status === 'planned')?.count).toBe(entries.filter((e) => e.status === 'planned').length);
    expect(model.plan.map((r) => r.entry)).toEqual(entries.filter((e) => ['planned', 'drafting', 'revising'].includes(e.status)));
  });

  it('adds the sub-system × level matrix up to the level totals', () => {
    const tops = model.stats.matrix.filter((m) => m.depth === 1);
    expect(tops.map((m) => m.code)).toEqual(system.subsystems.map((n) => n.code));
    for (const l of model.stats.levels) {
      expect(tops.reduce((a, m) => a + m.byLevel[l].expected, 0)).toBe(model.stats.byLevel.find((s) => s.level === l)!.expected);
      expect(tops.reduce((a, m) => a + m.byLevel[l].existing, 0)).toBe(model.stats.byLevel.find((s) => s.level === l)!.existing);
    }
    for (const top of tops) {
      const kids = model.stats.matrix.filter((m) => m.depth === 2 && m.node?.parent === top.node);
      expect(top.total.expected).toBe(kids.reduce((a, k) => a + k.total.expected, 0) + top.node!.standards.length);
    }
  });

  it('takes its date from the latest date in the data, never from the clock', () => {
    const all = allStandards(system).flatMap((e) => [e.published, e.effective, e.reviewed]).filter((d): d is string => !!d).sort();
    expect(model.date).toMatchObject({ iso: all[all.length - 1], basis: 'data' });
  });
});

describe('stats and dates', () => {
  it('rounds percentages half up to one decimal, in integers', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(49, 400)).toBe(12.3); // 12.25 → 12.3, not 12.2
    expect(percent(0, 0)).toBeNull();
  });

  it('falls back to the version, then to 1980-01-01, and honours --date', () => {
    const bare = { standards: [], subsystems: [], version: '2024.3' } as unknown as StandardSystem;
    expect(dataDate(bare)).toMatchObject({ iso: '2024-03-01', basis: 'version' });
    expect(dataDate({ ...bare, version: undefined })).toMatchObject({ iso: '1980-01-01', basis: 'none' });
    expect(dataDate(bare, '2025-06-30')).toMatchObject({ iso: '2025-06-30', basis: 'option' });
  });
});

describe('明细表 column labels from .hrss-std.yaml', () => {
  it('accepts a column id or its default label as the key', () => {
    const cols = resolveColumns({ note: '说明', 标准编号: '标准号' });
    expect(cols.find((c) => c.id === 'note')?.label).toBe('说明');
    expect(cols.find((c) => c.id === 'number')?.label).toBe('标准号');
    expect(cols.find((c) => c.id === 'title')?.label).toBe(DEFAULT_COLUMN_LABELS.title);
  });

  it('rejects an unknown column rather than ignoring it', () => {
    expect(() => resolveColumns({ 不存在的列: 'x' })).toThrow(ColumnConfigError);
  });
});
