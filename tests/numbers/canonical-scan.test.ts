import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCaptures, parseStandardNumber } from '../../src/numbers/parse.js';
import { knownStandards } from '../../src/data/known.js';

/**
 * The grammar of a number already written canonically, as a regex: the specification the
 * hand-written scanner in src/numbers/parse.ts (matchCanonical) must agree with exactly.
 */
const CANONICAL_RE =
  /^(?:(GB(?:\/[TZ]|Z(?:\/T)?)?)|DB(\d\d(?:\d\d)?)\/T|T\/([A-Z][A-Z0-9]{1,11})|Q\/([A-Z0-9]{1,12})|([A-Z]{2})\/T) (\d{1,8})(?:\.(\d{1,4}))?(?:-(\d{4}))?$/;

function viaRegex(s: string): (string | undefined)[] | null {
  const m = CANONICAL_RE.exec(s);
  if (!m) return null;
  const out = [...m] as (string | undefined)[];
  out[0] = undefined;
  return out;
}

const FRAGMENTS = [
  'GB', 'GB/T', 'GB/Z', 'GBZ', 'GBZ/T', 'GB/X', 'GBZ/', 'DB', 'DB44/T', 'DB4401/T', 'DB441/T', 'DB44', 'DB/T', 'T/', 'Q/', 'LD/T', 'TZ/T',
  'T/CQTSHRA', 'Q/SH1020', 'T/A', 'T/1A', ' ', '  ', '.', '-', '/', 'T', 'Z', 'X', 'a', '0', '12', '123456789', '2023', '20', '\u3000', '—',
];

describe('canonical number scanner', () => {
  it('agrees with the grammar regex on the known numbers and on their near misses', () => {
    const inputs: string[] = [];
    for (const n of knownStandards().byNumber.keys()) {
      inputs.push(n, n + ' ', ' ' + n, n.replace(' ', '  '), n.replace('-', '—'), n + '.1', n.toLowerCase(), n.slice(0, -1), n + '0');
    }
    expect(inputs.length).toBeGreaterThan(100);
    for (const s of inputs) expect(canonicalCaptures(s), s).toEqual(viaRegex(s));
  });

  it('agrees with the grammar regex at every length limit', () => {
    const org = (n: number) => 'A' + 'B1'.repeat(8).slice(0, n - 1);
    const edges = [
      'GB 1', 'GB 12345678', 'GB 123456789', 'GB/T 1.1234', 'GB/T 1.12345', 'GB/T 1.', 'GB/T 1-', 'GB/T 1-202', 'GB/T 1-20234', 'GB/T 1.2.3',
      'DB44/T 1', 'DB441/T 1', 'DB4401/T 1', 'DB44012/T 1', 'DB4/T 1', 'DB/T 1', 'DB44 1',
      ...[1, 2, 11, 12, 13].flatMap((n) => [`T/${org(n)} 1`, `Q/${org(n)} 1`, `Q/${'9'.repeat(n)} 1`]),
      'T/1AB 1', 'Q/ 1', 'T/ 1', 'LD/T 1-2020', 'LD/Z 1', 'L/T 1', 'LDX/T 1', 'GBZ/T 1', 'GBZ/Z 1', 'GBZ 1', 'GB/Z 1', 'GB/X 1', 'GBX 1',
      'GB/T  1', 'GB/T 1 ', 'GB/T\t1', '', 'G', 'GB', 'GB/T',
    ];
    for (const s of edges) expect(canonicalCaptures(s), JSON.stringify(s)).toEqual(viaRegex(s));
  });

  it('agrees with the grammar regex on 20,000 generated numbers', () => {
    const shaped = fc.tuple(
      fc.constantFrom(...FRAGMENTS),
      fc.constantFrom(' ', '', '  ', '-'),
      fc.stringMatching(/^[0-9]{0,10}$/),
      fc.option(fc.tuple(fc.constantFrom('.', '-', '..'), fc.stringMatching(/^[0-9]{0,6}$/))),
      fc.option(fc.tuple(fc.constantFrom('-', '.', '/'), fc.stringMatching(/^[0-9X]{0,5}$/))),
    ).map(([code, sep, seq, part, year]) => code + sep + seq + (part ? part.join('') : '') + (year ? year.join('') : ''));
    fc.assert(fc.property(shaped, (s) => {
      expect(canonicalCaptures(s), JSON.stringify(s)).toEqual(viaRegex(s));
    }), { numRuns: 20000, seed: 20261122 });
  });

  it('agrees with the grammar regex on 20,000 generated strings', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,10}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Z0-9 ./-]{1,4}$/) },
    );
    const candidate = fc.array(piece, { minLength: 1, maxLength: 7 }).map((p) => p.join(''));
    fc.assert(fc.property(candidate, (s) => {
      expect(canonicalCaptures(s), JSON.stringify(s)).toEqual(viaRegex(s));
    }), { numRuns: 20000, seed: 20261121 });
  });

  it('gives the same parse as before for canonical inputs (the input is its own canonical form)', () => {
    for (const s of ['GB/T 24421.2-2023', 'GBZ/T 1-2010', 'DB4408/T 12-2020', 'T/CQTSHRA 006-2024', 'Q/SH1020 0001-2010', 'LD/T 01-2020', 'GB 2893.1']) {
      const r = parseStandardNumber(s);
      expect(r.number?.canonical, s).toBe(s);
      expect(r.nonCanonical, s).toBe(false);
    }
  });
});
