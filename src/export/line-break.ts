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
  // widths by prefix sums; a line's blanks at either end are not counted (they are trimmed)
  const ems = parts.map(textEms);
  const prefix = [0];
  for (const e of ems) prefix.push(prefix[prefix.length - 1]! + e);
  const blank = parts.map((w) => w.trim() === '');
  const width = (i: number, j: number) => {
    while (i < j && blank[i]) i++;
    while (j > i && blank[j - 1]) j--;
    return prefix[j]! - prefix[i]!;
  };
  // the fewest lines: filling each line greedily gives it (a word wider than a line takes a line)
  let lines = 1;
  for (let i = 0, from = 0; i < k; i++) {
    if (i > from && width(from, i + 1) > maxEms) lines++, (from = i);
  }
  if (lines === 1) return [text];
  // among partitions into that many lines, the one whose widest line is narrowest (ties: earlier breaks);
  // a long text (no header, box or title is) keeps the greedy lines, to stay linear
  const cuts: number[] = [];
  if (k <= 400) {
    // widest[m][j]: narrowest widest line for the first j words in m lines; from[m][j]: where line m starts
    const widest: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(k + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(k + 1).fill(-1));
    widest[0]![0] = 0;
    for (let m = 1; m <= lines; m++) {
      for (let j = m; j <= k; j++) {
        for (let i = m - 1; i < j; i++) {
          const prev = widest[m - 1]![i]!;
          if (prev === Infinity) continue;
          const w = width(i, j);
          if (w > maxEms && j - i > 1) continue;
          const v = Math.max(prev, w);
          if (v < widest[m]![j]! - 1e-9) (widest[m]![j] = v), (from[m]![j] = i);
        }
      }
    }
    if (widest[lines]![k] !== Infinity) {
      for (let m = lines, j = k; m > 0; m--) cuts.unshift(j), (j = from[m]![j]!);
    }
  }
  if (!cuts.length) {
    for (let i = 0, start = 0; i < k; i++) {
      if (i > start && width(start, i + 1) > maxEms) cuts.push(i), (start = i);
    }
    cuts.push(k);
  }
  const out: string[] = [];
  let start = 0;
  for (const end of cuts) {
    out.push(parts.slice(start, end).join('').trim());
    start = end;
  }
  return out.filter((l) => l !== '');
}
