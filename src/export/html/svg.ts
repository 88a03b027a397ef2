import { layoutStructure } from '../structure-layout.js';
import type { SubsystemNode } from '../../model/types.js';
import type { CoverageState } from '../../coverage/types.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Break a label into lines of at most `per` ems (CJK breaks between any characters). */
function lines(text: string, per: number): string[] {
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of text) {
    const cw = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.55;
    if (w + cw > per && cur) {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * The 标准体系结构图 as SVG, from the same layout as the Word drawing; every sub-system box is
 * a link (`href(node)`), keyboard-focusable, with its title as the accessible name.
 */
export function structureSvg(title: string, parts: SubsystemNode[], href: (n: SubsystemNode) => string, caption: string): string {
  const layout = layoutStructure(title, parts, { width: 1100, height: 100000, maxDepth: 3 });
  const byText = new Map<string, SubsystemNode[]>();
  const walk = (ns: SubsystemNode[]): void => {
    for (const n of ns) {
      const key = n.code ? `${n.code} ${n.title}` : n.title;
      for (const k of [key, n.title]) {
        const l = byText.get(k) ?? [];
        l.push(n);
        byText.set(k, l);
      }
      walk(n.subsystems);
    }
  };
  walk(parts);
  const fontPx = Math.round((layout.fontPt * 96) / 72);
  let y0 = 0;
  const out: string[] = [];
  const width = Math.max(...layout.bands.map((b) => b.width));
  const height = layout.bands.reduce((a, b) => a + b.height + 16, 0);
  out.push(`<svg class="chart" role="group" aria-label="${esc(caption)}" viewBox="0 0 ${width + 2} ${height}" width="${width + 2}" xmlns="http://www.w3.org/2000/svg">`);
  for (const band of layout.bands) {
    out.push(`<g transform="translate(1 ${y0})" stroke="#1a1a1a" fill="none">`);
    for (const l of band.lines) out.push(`<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}"/>`);
    out.push('</g>');
    out.push(`<g transform="translate(1 ${y0})" font-size="${fontPx}">`);
    for (const b of band.boxes) {
      const perLine = Math.max(2, Math.floor((b.w - 8) / fontPx));
      const ls = lines(b.text, perLine);
      const lh = fontPx * 1.25;
      const ty = b.y + b.h / 2 - ((ls.length - 1) * lh) / 2 + fontPx * 0.35;
      const textEl = ls.map((s, i) => `<text x="${b.x + b.w / 2}" y="${(ty + i * lh).toFixed(1)}" text-anchor="middle" fill="#1a1a1a">${esc(s)}</text>`).join('');
      const rect = `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.depth === 0 ? '#e8e8e8' : '#fff'}" stroke="#1a1a1a" stroke-width="${b.depth <= 1 ? 2 : 1}"/>`;
      const node = b.depth > 0 ? byText.get(b.text)?.[0] : undefined;
      if (node) out.push(`<a href="${esc(href(node))}" aria-label="${esc(b.text)}">${rect}${textEl}</a>`);
      else out.push(`<g>${rect}${textEl}</g>`);
    }
    out.push('</g>');
    y0 += band.height + 16;
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Fill of each coverage state: a pattern as well as a shade, so print and colour-blind readers can tell them apart. */
export const STATE_FILL: Record<CoverageState, string> = {
  covered: '#1f5f9e',
  planned: 'url(#p-planned)',
  lapsed: 'url(#p-lapsed)',
  uncovered: '#ffffff',
};

export const PATTERN_DEFS = `<defs>
<pattern id="p-planned" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/><rect width="3" height="8" fill="#8a5a00"/></pattern>
<pattern id="p-lapsed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.6" fill="#4a4a4a"/></pattern>
</defs>`;

export interface StackRow { label: string; parts: { state: CoverageState; n: number }[]; total: number; note: string }

/** A horizontal stacked bar per row; each segment carries its count as text when wide enough, and the row ends with the figure in words. */
export function stackedBars(rows: StackRow[], caption: string, legend: { state: CoverageState; label: string }[]): string {
  const labelW = 260;
  const barW = 420;
  const noteW = 200;
  const rowH = 26;
  const top = 34;
  const h = top + rows.length * rowH + 8;
  const out: string[] = [];
  out.push(`<svg class="chart" role="img" aria-label="${esc(caption)}" viewBox="0 0 ${labelW + barW + noteW} ${h}" width="${labelW + barW + noteW}" xmlns="http://www.w3.org/2000/svg" font-size="13">`);
  out.push(PATTERN_DEFS);
  let lx = 0;
  for (const l of legend) {
    out.push(`<rect x="${lx}" y="6" width="16" height="14" fill="${STATE_FILL[l.state]}" stroke="#1a1a1a"/><text x="${lx + 20}" y="18" fill="#1a1a1a">${esc(l.label)}</text>`);
    lx += 28 + l.label.length * 14;
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const label = r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label;
    out.push(`<text x="${labelW - 6}" y="${y + 16}" text-anchor="end" fill="#1a1a1a">${esc(label)}</text>`);
    let x = labelW;
    for (const p of r.parts) {
      if (!p.n || !r.total) continue;
      const w = (p.n / r.total) * barW;
      out.push(`<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${STATE_FILL[p.state]}" stroke="#1a1a1a"/>`);
      if (w >= 22) {
        const dark = p.state === 'covered';
        out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 17}" text-anchor="middle" fill="${dark ? '#fff' : '#1a1a1a'}" ${dark ? '' : 'paint-order="stroke" stroke="#fff" stroke-width="3"'}>${p.n}</text>`);
      }
      x += w;
    }
    if (!r.total) out.push(`<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 6}" fill="none" stroke="#767676" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${labelW + barW + 8}" y="${y + 16}" fill="#1a1a1a">${esc(r.note)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Simple horizontal bars with the figure written at the end of each. */
export function plainBars(rows: { label: string; n: number; note: string }[], caption: string): string {
  const labelW = 160;
  const barW = 420;
  const rowH = 26;
  const max = Math.max(1, ...rows.map((r) => r.n));
  const h = rows.length * rowH + 8;
  const out = [`<svg class="chart" role="img" aria-label="${esc(caption)}" viewBox="0 0 ${labelW + barW + 200} ${h}" width="${labelW + barW + 200}" xmlns="http://www.w3.org/2000/svg" font-size="13">`];
  rows.forEach((r, i) => {
    const y = i * rowH + 4;
    const w = (r.n / max) * barW;
    out.push(`<text x="${labelW - 6}" y="${y + 16}" text-anchor="end" fill="#1a1a1a">${esc(r.label)}</text>`);
    out.push(`<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#1f5f9e" stroke="#1a1a1a"/>`);
    out.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" fill="#1a1a1a">${esc(r.note)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
