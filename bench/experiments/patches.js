/**
 * Proposed performance changes to files other helpers own, as exact find/replace edits on src/.
 * bench/experiments.js builds each into a variant and measures it; the report cites these.
 */

/** A date check without a RegExp match array or a days-table allocation per call. */
const FAST_ISO_DATE = `
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let y = 0, mo = 0, d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c; else if (i < 7) mo = mo * 10 + c; else d = d * 10 + c;
  }
  if (mo < 1 || mo > 12 || d < 1) return false;
  if (mo === 2) return d <= (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28);
  return d <= (mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
`;

export const PATCHES = {
  /**
   * pipeline/validate.ts keeps every system's model (all parsed YAML, positions, rows) alive until
   * the end of the run, but `validate` only needs the file names: the heap grows to ~400 MB at 100k
   * and major GCs dominate. Keep a slim record per system instead (here: only the display names).
   */
  'slim-results': {
    edits: [{
      file: 'pipeline/validate.ts',
      find: 'systems.push({ file: path.relative(cwd, f), system: loaded.system, catalog });',
      replace: 'systems.push({ file: path.relative(cwd, f), system: loaded.system && ({ files: loaded.system.files.map((x) => ({ display: x.display })) } as unknown as StandardSystem), catalog });',
    }],
  },

  /**
   * load/yaml.ts: a Frame object per YAML node (scalars included), a skipValue scan at every node
   * close and a WeakMap entry per collection are paid for the alias guard. A file without any '*'
   * cannot hold an alias, so it can take a lean listener: flat arrays, no per-scalar allocation,
   * no alias bookkeeping; positions are recorded exactly as before. skipBlank compares char codes
   * instead of looking one-character strings up in a Set.
   */
  'lean-listener': {
    edits: [
      {
        file: 'load/yaml.ts',
        find: `function skipBlank(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (WS.has(c)) i++;
    else if (c === '#') {`,
        replace: `function skipBlank(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 35) {`,
      },
      {
        file: 'load/yaml.ts',
        find: `  let value: unknown;
  try {
    value = yaml.load(text, {
      schema: yaml.CORE_SCHEMA,
      listener,`,
        replace: `  // No '*' in the file → no alias is possible: a lean listener with flat stacks and nothing
  // allocated per scalar; positions are recorded exactly as by \`listener\`.
  const fast = !text.includes('*');
  const openAt: number[] = [];
  const firstChild: number[] = [];
  // finished children (open position, result) of the nodes being built; \`top\` is the stack size
  // (never shrink arrays through .length: that is a slow runtime call in V8)
  const chOpen: number[] = [];
  const chRes: unknown[] = [];
  let top = 0;
  const fastListener = (type: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (type === 'open') {
      openAt.push(state.position);
      firstChild.push(top);
      return;
    }
    let open = openAt.pop()!;
    const first = firstChild.pop()!;
    const r = state.result;
    if (top - first === 1 && chRes[first] === r) open = chOpen[first]!; // wrapper: keep the node itself
    else if (r !== null && typeof r === 'object' && !positions.has(r)) recordFlat(text, positions, open, r, chOpen, chRes, first, top);
    top = first;
    chOpen[top] = open;
    chRes[top] = r;
    top++;
  };
  let value: unknown;
  try {
    value = yaml.load(text, {
      schema: yaml.CORE_SCHEMA,
      listener: fast ? fastListener : listener,`,
      },
      {
        file: 'load/yaml.ts',
        find: `stack.at(-1)?.open ?? 0`,
        replace: `(fast ? openAt.at(-1) : stack.at(-1)?.open) ?? 0`,
      },
      {
        file: 'load/yaml.ts',
        find: `throw new YamlSyntaxError('syntax', errorOffset(text, reason, at, stack), reason);`,
        replace: `throw new YamlSyntaxError('syntax', errorOffset(text, reason, at, fast ? [{ open: 0, children: [] }, ...openAt.slice(-1).map((o) => ({ open: o, children: [] }))] : stack), reason);`,
      },
      {
        file: 'load/yaml.ts',
        find: `function record(text: string, positions: PositionIndex, frame: Frame, r: object): void {`,
        replace: `/** record() for the lean listener: the node's children are chOpen/chRes[first…end). */
function recordFlat(text: string, positions: PositionIndex, open: number, r: object, chOpen: number[], chRes: unknown[], first: number, end: number): void {
  const start = skipBlank(text, open);
  if (Array.isArray(r)) {
    const items: number[] = [];
    for (let i = first; i < end; i++) items.push(skipBlank(text, chOpen[i]!));
    positions.set(r, { start, items });
    return;
  }
  const keys: string[] = [];
  const keyStarts: number[] = [];
  const valueStarts: number[] = [];
  for (let i = first; i + 1 < end; i += 2) {
    keys.push(String(chRes[i]));
    keyStarts.push(skipBlank(text, chOpen[i]!));
    valueStarts.push(skipValue(text, chOpen[i + 1]!));
  }
  positions.set(r, { start, keys, keyStarts, valueStarts });
}

function record(text: string, positions: PositionIndex, frame: Frame, r: object): void {`,
      },
    ],
  },

  /**
   * load/source.ts: TextDecoder({ fatal: true }) is the slow way to check UTF-8; buffer.isUtf8
   * (simdutf) then buf.toString() gives the same text (a leading BOM is sliced off just after).
   */
  'utf8-fast': {
    edits: [
      { file: 'load/source.ts', find: `import { readFileSync, statSync } from 'node:fs';`, replace: `import { isUtf8 } from 'node:buffer';\nimport { readFileSync, statSync } from 'node:fs';` },
      { file: 'load/source.ts', find: `    text = utf8.decode(buf);`, replace: `    if (!isUtf8(buf)) throw new Error('not UTF-8');\n    text = buf.toString('utf8');` },
    ],
  },

  // rules/priority.ts (O(own rows × service mappings)) was fixed upstream in 0824b05 the same way.

  // Tried and dropped: replacing the WeakMaps (PositionIndex, parsedNumber, numberFields) by a
  // per-file Map and symbol-keyed slots on the rows. Measured within noise at 100k (−1…−4 % wall,
  // and the loader itself 3–8 % slower with a Map), so it is not proposed.

  /**
   * export/xlsx/index.ts: exceljs deflates every part (jszip + pako), then normalizePackage
   * inflates it all again (fflate) to re-zip deterministically. Asking exceljs to STORE skips a
   * full deflate and makes the inflate a copy; the final bytes are the same (fflate compresses).
   * Measure with: node bench/experiments.js --command export --repo one-10k xlsx-store
   */
  'xlsx-store': {
    command: 'export',
    edits: [{
      file: 'export/xlsx/index.ts',
      find: 'const buf = await wb.xlsx.writeBuffer();',
      replace: "const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof wb.xlsx.writeBuffer>[0]);",
    }],
  },

  /** rules/helpers.ts isDate: called for every date of every row by several rules. */
  'fast-dates': {
    edits: [{
      file: 'rules/helpers.ts',
      find: `  if (s === undefined) return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;`,
      replace: `  if (s === undefined) return false;${FAST_ISO_DATE}`,
    }],
  },
};

export { FAST_ISO_DATE };
