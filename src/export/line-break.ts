/**
 * Where a short text (a column header, a box of the structure chart, the cover title) breaks when
 * it does not fit on one line. Left to Word, LibreOffice or Excel, Chinese text breaks between any
 * two characters wherever the line is full: "子体系名 / 称", "…公共服 / 务标准体系", a code cut from
 * its title. Here the lines are chosen before the file is written: as few as fit, as even as
 * possible, broken between words (ICU's Chinese word segmentation), never inside a code, a number
 * or a Latin word, and never leaving one character alone.
 */

/** Width of text in ems: CJK and full-width characters 1, others about 0.55 (as the layouts measure it). */
export function textEms(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.55;
  return n;
}

let segmenter: Intl.Segmenter | undefined;

/** The text as words: ICU's segmentation, with runs of Latin letters, digits and number punctuation kept whole. */
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const prev = out[out.length - 1];
    const glue = prev !== undefined && (
      // "GB/T", "31596.3-2015", "P03-01" come out of ICU in pieces; a break inside them changes their meaning
      (/[!-~]$/.test(prev) && /^[!-~]/.test(segment)) ||
      // no line starts with a closing bracket, a comma or a sign such as ÷, nor ends with an opening bracket
      (/^[\p{Pe}\p{Pf}\p{Po}\p{S}]/u.test(segment) && !/^[\p{Ps}\p{Pi}]/u.test(segment)) ||
      /[\p{Ps}\p{Pi}]$/u.test(prev));
    if (glue) out[out.length - 1] = prev + segment;
    else out.push(segment);
  }
  // a word wider than any line can be broken between its characters, and only then
  return out;
}

/**
 * `text` in lines of at most `maxEms` each (a line may be wider only when one word is), as few
 * lines as that allows and as even as they can be. Line ends drop their blanks. A text that
 * already fits, or has a line break of its own, comes back unchanged.
 */
export function balancedLines(text: string, maxEms: number): string[] {
  if (text.includes('\n') || maxEms <= 0 || textEms(text) <= maxEms) return [text];
  let parts = words(text);
  // words wider than a line split into characters (a long Chinese compound); codes stay whole
  if (parts.some((w) => textEms(w) > maxEms && !/^[!-~]+$/.test(w))) {
    parts = parts.flatMap((w) => (textEms(w) > maxEms && !/^[!-~]+$/.test(w) ? [...w] : [w]));
  }
  const k = parts.length;
  const width = (i: number, j: number) => textEms(parts.slice(i, j).join('').trim());
  // fewest lines first, then the partition whose widest line is narrowest (ties: the earlier break)
  for (let n = 2; n <= k; n++) {
    // best[j][m]: [widest line, breaks] for the first j words in m lines
    const best: ({ widest: number; cuts: number[] } | undefined)[][] = Array.from({ length: k + 1 }, () => []);
    best[0]![0] = { widest: 0, cuts: [] };
    for (let m = 1; m <= n; m++) {
      for (let j = m; j <= k; j++) {
        for (let i = m - 1; i < j; i++) {
          const prev = best[i]![m - 1];
          if (!prev) continue;
          const w = width(i, j);
          if (w > maxEms && j - i > 1) continue;
          const widest = Math.max(prev.widest, w);
          const cur = best[j]![m];
          if (!cur || widest < cur.widest - 1e-9) best[j]![m] = { widest, cuts: [...prev.cuts, i] };
        }
      }
    }
    const done = best[k]![n];
    if (!done || done.widest > maxEms + 1e-9 && n < k) continue;
    const cuts = [...done.cuts.slice(1), k];
    const lines: string[] = [];
    let from = 0;
    for (const to of cuts) {
      lines.push(parts.slice(from, to).join('').trim());
      from = to;
    }
    return lines.filter((l) => l !== '');
  }
  return [text];
}
