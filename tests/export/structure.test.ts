import { describe, expect, it } from 'vitest';
import { layoutStructure, nodeLabel, splitBands, structureCaption, type PxBox } from '../../src/export/structure-layout.js';
import { gridLayout } from '../../src/export/xlsx/structure.js';
import { walkNodes, type SubsystemNode } from '../../src/model/types.js';
import { loadSample } from './helpers.js';

const { system } = loadSample();
const labels = [...walkNodes(system.subsystems)].map(nodeLabel);

function overlaps(a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('structure picture for Word (px geometry)', () => {
  const layout = layoutStructure(system.title, system.subsystems, { width: 950, height: 520 });
  const band = layout.bands[0]!;

  it('draws the title and every sub-system once, without overlaps, within the page', () => {
    expect(layout.bands).toHaveLength(1);
    expect(band.boxes[0]).toMatchObject({ text: system.title, depth: 0 });
    expect(band.boxes.slice(1).map((b) => b.text).sort()).toEqual([...labels].sort());
    for (let i = 0; i < band.boxes.length; i++) {
      for (let j = i + 1; j < band.boxes.length; j++) expect(overlaps(band.boxes[i]!, band.boxes[j]!)).toBe(false);
    }
    expect(Math.max(...band.boxes.map((b) => b.x + b.w))).toBeLessThanOrEqual(950);
    expect(layout.overflow).toBe(false);
  });

  it('connects each sub-system to its parent with a line ending at the box', () => {
    const touches = (b: PxBox) => band.lines.some((l) =>
      (Math.abs(l.x2 - b.x) < 0.5 && l.y2 > b.y && l.y2 < b.y + b.h) || // a branch into the left side
      (Math.abs(l.y2 - b.y) < 0.5 && l.x2 >= b.x && l.x2 <= b.x + b.w)); // a drop onto the top
    for (const b of band.boxes.slice(1)) expect(touches(b), b.text).toBe(true);
  });

  it('splits many parts into bands and reports a tree deeper than drawn', () => {
    expect(splitBands([1, 2, 3, 4, 5, 6, 7, 8, 9], 8).map((g) => g.length)).toEqual([5, 4]);
    const leaf = (code: string, depth: number, subsystems: SubsystemNode[] = []) => ({ code, title: `节点${code}`, depth, subsystems, standards: [] }) as unknown as SubsystemNode;
    const deep = [leaf('1', 1, [leaf('11', 2, [leaf('111', 3, [leaf('1111', 4)])])])];
    const l = layoutStructure('体系', deep, { width: 900, height: 500, maxDepth: 3 });
    expect(l.truncated).toBe(true);
    expect(l.bands[0]!.boxes.map((b) => b.text)).not.toContain('1111 节点1111');

    const wide = Array.from({ length: 10 }, (_, i) => leaf(`${i + 1}00`, 1, [1, 2, 3].map((j) => leaf(`${i + 1}0${j}`, 2))));
    const w = layoutStructure('体系', wide, { width: 950, height: 520 });
    expect(w.bands.map((b) => b.boxes.length - 1)).toEqual([20, 20]); // 5 parts × (1 + 3 children) per band
    expect(w.bands.flatMap((b) => b.boxes.slice(1).map((x) => x.text)).sort()).toEqual([...walkNodes(wide)].map(nodeLabel).sort());
    expect(w.bandPerPage).toBe(false);
  });
});

describe('structure sheet for Excel (cell grid)', () => {
  const grid = gridLayout(system.title, system.subsystems);

  it('has one merged box per sub-system plus the title, none overlapping', () => {
    expect(grid.boxes.map((b) => b.text).slice(1).sort()).toEqual([...labels].sort());
    const cells = new Set<string>();
    for (const b of grid.boxes) {
      for (let r = b.row; r < b.row + b.rows; r++) {
        for (let c = b.col; c < b.col + b.cols; c++) {
          expect(cells.has(`${r}:${c}`)).toBe(false);
          cells.add(`${r}:${c}`);
        }
      }
    }
  });

  it('draws a branch (bottom border of the cell left of the box) at the middle of each sub-system box', () => {
    for (const b of grid.boxes.filter((x) => x.depth >= 2)) {
      expect(grid.lines.some((l) => l.side === 'bottom' && l.row === b.row && l.col === b.col - 1), b.text).toBe(true);
    }
  });

  it('names the figure without doubling 标准体系', () => {
    expect(structureCaption('湛江市人力资源和社会保障领域公共服务标准体系')).toBe('湛江市人力资源和社会保障领域公共服务标准体系结构图');
    expect(structureCaption('某市人社公共服务')).toBe('某市人社公共服务标准体系结构图');
  });
});
