import type { SubsystemNode } from '../model/types.js';
import { balancedLines, textEms } from './line-break.js';

export { textEms };

/**
 * Geometry of the 标准体系结构图 for the Word drawing, in pixels (96 per inch), with
 * no document library: the system title on top, a bus line to the top-level parts
 * side by side, and below each part its sub-systems stacked on a comb (a trunk with
 * a branch to each child). Systems with many parts are split into bands of parts,
 * each drawn as its own picture.
 */
export interface PxBox {
  x: number; y: number; w: number; h: number;
  text: string;
  /** the text in the lines it is drawn in (broken between words, evenly: see line-break.ts) */
  lines: string[];
  /** 0 = the system title, 1 = top-level part, 2… = sub-systems */
  depth: number;
}
export interface PxLine {
  x1: number; y1: number; x2: number; y2: number;
}
export interface Band {
  boxes: PxBox[];
  lines: PxLine[];
  width: number;
  height: number;
}
export interface StructureLayout {
  bands: Band[];
  /** text size in points the boxes were measured for */
  fontPt: number;
  /** deepest level drawn */
  depthShown: number;
  /** the tree goes deeper than the picture */
  truncated: boolean;
  /** the tallest band is taller than the space it was given */
  overflow: boolean;
  /** the bands together, with BAND_GAP between them, do not fit in the height given: one band per page */
  bandPerPage: boolean;
}

/** Space between two bands drawn on the same page, in px. */
export const BAND_GAP = 16;

export interface LayoutOptions {
  /** usable width and height in px */
  width: number;
  height: number;
  maxDepth?: number;
  maxPartsPerBand?: number;
}

const PX_PER_PT = 96 / 72;

/** Lines a text needs in a box of inner width `px` at `fontPt` (Word breaks CJK text between any characters). */
export function wrapLines(s: string, px: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor(px / (fontPt * PX_PER_PT)));
  return Math.max(1, Math.ceil(textEms(s) / perLine));
}

/** A box's text broken into its lines beforehand (between words, evenly), for a box of inner width `px`. */
export function boxLines(s: string, px: number, fontPt: number): string[] {
  return balancedLines(s, Math.max(1, Math.floor(px / (fontPt * PX_PER_PT))));
}

/** "…标准体系" → "…标准体系结构图"; any other title → "…标准体系结构图" after it. */
export function structureCaption(title: string): string {
  return /标准体系$/.test(title) ? `${title}结构图` : `${title}标准体系结构图`;
}

/** The text of a sub-system's box: its code and title. */
export function nodeLabel(node: SubsystemNode): string {
  return `${node.code} ${node.title}`.trim();
}

function depthOf(nodes: SubsystemNode[]): number {
  let d = 0;
  for (const n of nodes) d = Math.max(d, n.depth, depthOf(n.subsystems));
  return d;
}

/** Split parts into bands of at most `max`, as even as possible (9 parts → 5 + 4, not 8 + 1). */
export function splitBands<T>(parts: T[], max: number): T[][] {
  if (parts.length <= max) return [parts];
  const count = Math.ceil(parts.length / max);
  const size = Math.ceil(parts.length / count);
  const out: T[][] = [];
  for (let i = 0; i < parts.length; i += size) out.push(parts.slice(i, i + size));
  return out;
}

const PAD_X = 4;     // text inset in px, left and right
const PAD_Y = 3;
const GAP_X = 12;    // between part columns
const GAP_Y = 8;     // between stacked boxes
const INDENT = 16;   // a child box starts this far right of its parent
const LEVEL_GAP = 18; // title → bus → parts
const MAX_COLUMN = 260; // widest column a part gets, in px

function layoutBand(title: string, parts: SubsystemNode[], width: number, fontPt: number, depthShown: number, state: { truncated: boolean }): Band {
  const lineH = fontPt * PX_PER_PT * 1.35;
  const inner = (w: number) => w - 2 * PAD_X - 2;
  const boxH = (text: string, w: number, pt = fontPt) => Math.ceil(boxLines(text, inner(w), pt).length * pt * PX_PER_PT * 1.35 + 2 * PAD_Y + 2);
  const boxes: PxBox[] = [];
  const lines: PxLine[] = [];
  const titlePt = fontPt + 3;
  const titleW = Math.min(width, Math.max(width * 0.5, textEms(title) * titlePt * PX_PER_PT + 40));
  const titleH = boxH(title, titleW, titlePt);
  boxes.push({ x: (width - titleW) / 2, y: 0, w: titleW, h: titleH, text: title, lines: boxLines(title, inner(titleW), titlePt), depth: 0 });
  const n = parts.length;
  if (n === 0) return { boxes, lines, width, height: titleH };

  // parts share the width, but a few parts are not stretched across the page: columns are capped and centred
  const colW = Math.min((width + GAP_X) / n, MAX_COLUMN);
  const partW = colW - GAP_X;
  const left = (width - (n * colW - GAP_X)) / 2;
  const busY = titleH + LEVEL_GAP;
  const partY = busY + LEVEL_GAP;
  const trunkX = (i: number) => left + i * colW + Math.min(INDENT / 2, partW / 4);
  const partH = Math.max(...parts.map((p) => boxH(nodeLabel(p), partW)));
  // title → bus → a drop into every part, at the x where that part's trunk leaves it
  lines.push({ x1: width / 2, y1: titleH, x2: width / 2, y2: busY });
  const busLeft = Math.min(trunkX(0), width / 2);
  const busRight = Math.max(trunkX(n - 1), width / 2);
  if (busRight > busLeft) lines.push({ x1: busLeft, y1: busY, x2: busRight, y2: busY });
  let height = partY + partH;
  parts.forEach((part, i) => {
    const x0 = left + i * colW;
    lines.push({ x1: trunkX(i), y1: busY, x2: trunkX(i), y2: partY });
    const place = (node: SubsystemNode, depth: number, x: number, y: number, h?: number): number => {
      const w = partW - (x - x0);
      const bh = h ?? boxH(nodeLabel(node), w);
      boxes.push({ x, y, w, h: bh, text: nodeLabel(node), lines: boxLines(nodeLabel(node), inner(w), fontPt), depth });
      let next = y + bh;
      if (node.subsystems.length === 0) return next;
      if (depth >= depthShown) {
        state.truncated = true;
        return next;
      }
      const tx = x + Math.min(INDENT / 2, w / 4);
      let lastMid = next;
      for (const child of node.subsystems) {
        const cy = next + GAP_Y;
        const cx = x + INDENT;
        const ch = boxH(nodeLabel(child), partW - (cx - x0));
        lastMid = cy + ch / 2;
        lines.push({ x1: tx, y1: lastMid, x2: cx, y2: lastMid });
        next = place(child, depth + 1, cx, cy, ch);
      }
      lines.push({ x1: tx, y1: y + bh, x2: tx, y2: lastMid });
      return next;
    };
    height = Math.max(height, place(part, 1, x0, partY, partH));
  });
  return { boxes, lines, width, height: Math.ceil(height + 1) };
}

export function layoutStructure(title: string, parts: SubsystemNode[], opts: LayoutOptions): StructureLayout {
  const depthShown = Math.max(1, Math.min(opts.maxDepth ?? 3, depthOf(parts)));
  const groups = splitBands(parts, opts.maxPartsPerBand ?? 8);
  let best: StructureLayout | undefined;
  // the largest type with which everything fits on one page; else the largest with which each band fits a page
  const tries = [10.5, 9, 8, 7.5].map((fontPt) => {
    const state = { truncated: false };
    const bands = groups.map((g, i) => layoutBand(i === 0 || groups.length === 1 ? title : `${title}（续）`, g, opts.width, fontPt, depthShown, state));
    const total = bands.reduce((a, b) => a + b.height, 0) + BAND_GAP * (bands.length - 1);
    const overflow = bands.some((b) => b.height > opts.height);
    return { bands, fontPt, depthShown, truncated: state.truncated, overflow, bandPerPage: total > opts.height };
  });
  best = tries.find((t) => !t.bandPerPage) ?? tries.find((t) => !t.overflow) ?? tries[tries.length - 1];
  return best!;
}
