import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Display width in terminal columns: Unicode's East Asian Width table (get-east-asian-width:
 * Wide and Fullwidth take two columns, CJK, full-width forms, wide emoji), combining marks,
 * zero-width characters and variation selectors none. Ambiguous characters (“”, ×, ①) count one,
 * as in most terminals. Not string-width: it needs Node 22, loads more, and its grapheme
 * segmentation is ~20 × slower, for emoji sequences these reports never hold.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x300) w += 1;
    // CJK Unified Ideographs and full-width punctuation (U+3000–U+303E, U+FF01–U+FF60), most of
    // the characters of a Chinese report, are Wide or Fullwidth: answered without the table lookup
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60)) w += 2;
    else if (c <= 0x36f || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    else w += eastAsianWidth(c);
  }
  return w;
}
