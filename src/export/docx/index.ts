import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TableOfContents, TextRun, type Table,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { aboutLines } from '../about.js';
import { balancedLines } from '../line-break.js';
import { tocHasPageNumbers } from '../limits.js';
import { CAPTIONS, STATS_NOTE } from '../captions.js';
import { missingMark } from './explanation.js';
import { chineseDate, type ExportModel } from '../model.js';
import { structureCaption } from '../structure-layout.js';
import type { Exporter } from '../types.js';
import { normalizePackage } from '../zip.js';
import { explanation } from './explanation.js';
import { LANDSCAPE_TEXT_WIDTH, pageProps, PORTRAIT_TEXT_WIDTH } from './page.js';
import { structureParagraphs } from './structure.js';
import { DEFAULT_FONTS, DEFAULT_STYLE_IDS, documentStyles, fontSet, OWN, para, SIZE, type DocxFonts, type FontSet, type StyleIds } from './styles.js';
import { levelTable, matrixTable, rollupTable, statusTable, detailTable } from './tables.js';
import { headingIds } from './template.js';

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.五号 })],
    })],
  });
}

function cover(model: ExportModel, FONT: FontSet): Paragraph[] {
  const s = model.system;
  const blank = (n: number) => Array.from({ length: n }, () => new Paragraph({ indent: { firstLine: 0 }, children: [] }));
  // the title in lines broken between words at an even point (not "…公共服" / "务标准体系")
  const big = (text: string, size: number) => new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: 200, after: 200, line: 300, lineRule: LineRuleType.AUTO },
    children: balancedLines(text, Math.floor(PORTRAIT_TEXT_WIDTH / (size * 10))).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: FONT.hei, size })),
  });
  const info = aboutLines(model).filter(([k]) => k === '地区' || k === '版本');
  return [
    ...blank(5),
    big(s.title, SIZE.一号),
    big('标准体系表', SIZE.二号),
    ...blank(4),
    ...info.map(([k, v]) => para(`${k}：${v}`, { style: OWN.cover })),
    ...blank(6),
    ...(model.document.organization ? [para(model.document.organization, { style: OWN.cover })] : []),
    // the 编制日期 from the data, never a date derived from the rows or the version
    ...(model.document.date ? [para(chineseDate(model.document.date), { style: OWN.cover })]
      : model.draft ? [missingMark('编制日期（document.date）')] : []),
  ];
}

function mainPart(model: ExportModel, ids: StyleIds, fonts: FontSet): (Paragraph | Table)[] {
  const W = LANDSCAPE_TEXT_WIDTH;
  const h1 = (t: string, breakBefore = true) => new Paragraph({ style: ids.heading1, pageBreakBefore: breakBefore, children: [new TextRun(t)] });
  const caption = (t: string) => para(t, { style: OWN.caption });
  const note = (t: string) => new Paragraph({ indent: { firstLine: 0 }, spacing: { before: 60, line: 300 }, children: [new TextRun({ text: t, size: SIZE.小五 })] });
  const out: (Paragraph | Table)[] = [];

  const figure = structureCaption(model.system.title);
  out.push(h1('1  标准体系结构图', false));
  const pic = structureParagraphs(model, figure, fonts);
  out.push(...pic.paragraphs, para(CAPTIONS.structure(model.system.title), { style: OWN.figureCaption }));
  if (pic.note) out.push(note(`注：${pic.note}`));

  out.push(h1('2  标准明细表'));
  out.push(caption(CAPTIONS.detail(model.system.title)));
  out.push(detailTable(model, W, '注：底色为黄色的是待制定、制定中或待修订的标准，灰色删除线的是被代替或废止的标准。'));

  out.push(h1('3  标准统计表'));
  out.push(caption(CAPTIONS.byLevel), levelTable(model, W));
  out.push(caption(CAPTIONS.byStatus), statusTable(model, W));
  out.push(caption(CAPTIONS.matrix), matrixTable(model, W, STATS_NOTE));

  out.push(h1('4  服务事项覆盖情况'));
  const byProject = rollupTable(model, 'project', W);
  if (!byProject) {
    out.push(para('本体系未确定服务事项目录，未做覆盖分析。'));
  } else {
    const c = model.catalog!;
    out.push(para(`服务事项目录：《${c.title}》${c.edition ? `（${c.edition}）` : ''}。缺口明细见 5.4。`));
    out.push(caption(CAPTIONS.byProject), byProject);
    out.push(caption(CAPTIONS.bySubsystem), rollupTable(model, 'subsystem', W)!);
  }
  return out;
}

async function build(model: ExportModel, stylesXml?: string, fonts: DocxFonts = DEFAULT_FONTS): Promise<Uint8Array> {
  const F = fontSet(fonts);
  const ids = stylesXml ? headingIds(stylesXml) : DEFAULT_STYLE_IDS;
  const numbered = tocHasPageNumbers(model);
  const doc = new Document({
    creator: model.system.owner ?? 'hrss-std',
    lastModifiedBy: 'hrss-std',
    title: `${model.system.title} 标准体系表`,
    subject: '标准体系表（GB/T 13016-2018、GB/T 13017-2018）',
    description: `hrss-std ${model.toolVersion}`,
    revision: 1,
    externalStyles: stylesXml,
    styles: documentStyles(!!stylesXml, F),
    // The 目次 is written with its page numbers: docx lays the pages out as Word does (fonts by their
    // metrics; the fixed line heights make LibreOffice's pages the same), so Word, WPS and a LibreOffice
    // PDF show them without anyone updating the field. `guess`: past anything the layout cannot follow
    // it still writes its best numbers, never blanks. Without them Word is asked to update the field.
    features: { updateFields: !numbered },
    ...(numbered ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    sections: [
      { properties: pageProps(false), children: cover(model, F) },
      {
        properties: pageProps(false, 1),
        footers: { default: pageFooter() },
        children: [
          para('目　　次', { style: OWN.tocTitle }),
          new TableOfContents('目次', { hyperlink: true, headingStyleRange: '1-2' }),
        ],
      },
      { properties: pageProps(true), footers: { default: pageFooter() }, children: mainPart(model, ids, F) },
      { properties: pageProps(false), footers: { default: pageFooter() }, children: explanation(model, ids, PORTRAIT_TEXT_WIDTH) },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The docx library numbers drawings and bookmarks from counters shared by every document
 * the process makes, so a second export in one process would differ. Renumber them in
 * document order: drawing ids stay unique, bookmarks keep their links.
 */
export function stableIds(xml: string): string {
  let drawing = 0;
  xml = xml.replace(/<(wp:docPr|wps:cNvPr|wpg:cNvPr|pic:cNvPr) id="\d+"(?: name="([^"]*)")?/g, (_m, tag: string, name?: string) => {
    const id = ++drawing;
    // shape names carry the counter too ("Line 66"): give them the new id
    const stable = name === undefined ? '' : ` name="${tag === 'wp:docPr' ? name : name.replace(/ \d+$/, ` ${id}`)}"`;
    return `<${tag} id="${id}"${stable}`;
  });
  const marks = new Map<string, number>();
  const mark = (old: string) => {
    if (!marks.has(old)) marks.set(old, marks.size + 1);
    return marks.get(old)!;
  };
  xml = xml.replace(/_Toc(\d+)/g, (_m, n: string) => `_Toc${mark(`toc${n}`)}`);
  const ids = new Map<string, number>();
  return xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_m, head: string, n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return `${head}${ids.get(n)}"`;
  });
}

/** The Word document: title page, 目次, 结构图, 明细表, 统计表, 覆盖情况, 编制说明. */
export const docxExporter: Exporter = {
  id: 'docx',
  extension: '.docx',
  async write(model, opts) {
    const bytes = await build(model, opts.docxStyles, { ...DEFAULT_FONTS, ...opts.fonts });
    return normalizePackage(bytes, { date: model.date.iso, marker: model.system.id, rewrite: { 'word/document.xml': stableIds } });
  },
};
