import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/util/display-width.js';

describe('displayWidth (terminal columns, for the aligned reports)', () => {
  it('counts CJK, full-width forms and wide emoji two columns, ASCII and ambiguous punctuation one', () => {
    expect(displayWidth('level-mismatch')).toBe(14);
    expect(displayWidth('错误')).toBe(4);
    expect(displayWidth('（应于 2023-04-24 前复审）')).toBe(6 + 1 + 10 + 1 + 6 + 2);
    expect(displayWidth('ＧＢ／Ｔ')).toBe(8); // full-width forms pasted from Word
    expect(displayWidth('“地方标准”')).toBe(1 + 8 + 1); // curly quotes are ambiguous: one column
    expect(displayWidth('✅')).toBe(2); // the hand-written ranges had it as one
    expect(displayWidth('𠀀')).toBe(2); // CJK extension B (a surrogate pair)
    expect(displayWidth('\u3000')).toBe(2); // ideographic space
  });

  it('counts combining marks, zero-width characters, variation selectors and a BOM as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb\u200d')).toBe(2);
    expect(displayWidth('\ufeff标准\ufe0f')).toBe(4);
  });
});
