import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { ShapeGroupRun, type IShapeGroupChildOptions } from 'docx/shapes';
import { BAND_GAP, layoutStructure, type Band } from '../structure-layout.js';
import type { ExportModel } from '../model.js';
import { FONT as DEFAULT_FONT_SET, OWN, type FontSet } from './styles.js';
import { LANDSCAPE_TEXT_HEIGHT, LANDSCAPE_TEXT_WIDTH, twipsToPx } from './page.js';

/**
 * The 标准体系结构图 as a drawing: DrawingML rectangles with text and lines in one
 * group. Word, WPS and LibreOffice draw its text with the document's fonts, so the
 * Chinese always shows, it prints sharp at any size, it is byte-stable (no
 * rasteriser, no font file), and the office can still edit the boxes.
 */
function bandRun(band: Band, fontPt: number, title: string, FONT: FontSet): ShapeGroupRun {
  const children: IShapeGroupChildOptions[] = [];
  for (const l of band.lines) {
    children.push({
      type: 'line',
      transformation: { offset: { left: Math.min(l.x1, l.x2), top: Math.min(l.y1, l.y2) }, width: Math.abs(l.x2 - l.x1), height: Math.abs(l.y2 - l.y1) },
      line: { color: '000000', width: 0.75 },
    });
  }
  for (const b of band.boxes) {
    const size = Math.round((b.depth === 0 ? fontPt + 3 : fontPt) * 2);
    children.push({
      type: 'rectangle',
      transformation: { offset: { left: b.x, top: b.y }, width: b.w, height: b.h },
      fill: b.depth <= 1 ? 'DDEBF7' : 'FFFFFF',
      line: { color: '000000', width: b.depth <= 1 ? 1 : 0.75 },
      textOptions: { verticalAlignment: 'center', margins: { top: 2, bottom: 2, left: 3, right: 3 }, wrap: true },
      children: [
        new Paragraph({
          style: OWN.box,
          alignment: AlignmentType.CENTER,
          children: b.lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, size, font: b.depth <= 1 ? FONT.hei : FONT.song })),
        }),
      ],
    });
  }
  return new ShapeGroupRun({
    children,
    altText: { name: title, description: band.boxes.map((b) => b.text).join('；') },
  });
}

export function structureParagraphs(model: ExportModel, caption: string, fonts: FontSet = DEFAULT_FONT_SET): { paragraphs: Paragraph[]; note?: string } {
  const layout = layoutStructure(model.system.title, model.tree, {
    width: Math.floor(twipsToPx(LANDSCAPE_TEXT_WIDTH)) - 2,
    // leave room for the heading above and the caption below on the same page
    height: Math.floor(twipsToPx(LANDSCAPE_TEXT_HEIGHT)) - 110,
  });
  const paragraphs = layout.bands.map((band, i) => new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    // single spacing: LibreOffice misplaces the shapes of a drawing in a 1.5-spaced line
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: i === 0 ? 0 : Math.round(BAND_GAP * 15) },
    pageBreakBefore: i > 0 && layout.bandPerPage,
    keepNext: true,
    children: [bandRun(band, layout.fontPt, caption, fonts)],
  }));
  const notes: string[] = [];
  if (layout.truncated) notes.push(`图中画到第 ${layout.depthShown} 层子体系，更深的子体系见标准明细表。`);
  if (layout.overflow) notes.push('结构图高于一页，打印前可在 Word 中缩放图形。');
  return { paragraphs, note: notes.join('') || undefined };
}
