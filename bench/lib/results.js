/** bench/RESULTS.md: machine, date, medians with spread, CPU time, peak RSS, ratios against the targets. */
import { readFileSync, writeFileSync } from 'node:fs';

const ms = (x) => (x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const spread = (m) => (m ? `${ms(m.ms.min)}–${ms(m.ms.max)}` : '—');
const cpu = (m) => (m?.cpuMs ? ms(m.cpuMs.median) : '—');
const mb = (m) => (m?.rssMB ? `${m.rssMB.max.toFixed(0)} MB` : '—');
const MISSES_MARK = '<!-- misses: hand-written below this line is kept when npm run bench rewrites the file -->';

/** The targets of the issue; each gives a text, and pass true/false (undefined: not measured). */
export function targets(r) {
  const t = [];
  const ratio = (name, a, b, limit, why) => {
    if (!a || !b) return t.push({ name, text: `not measured (${why})`, pass: undefined });
    const v = a.ms.median / b.ms.median;
    const c = a.cpuMs && b.cpuMs ? ` (CPU time: ${(a.cpuMs.median / b.cpuMs.median).toFixed(2)}×)` : '';
    t.push({ name, value: v, limit, pass: v <= limit, text: `${ms(a.ms.median)} / ${ms(b.ms.median)} = **${v.toFixed(2)}×**${c}` });
  };
  const big = r.scales['100k'];
  const no100k = '100k not run';
  ratio('validate, all rules, 100k: ≤ 0.75 × ajv-cli schema-only', big?.validate, big?.ajv, 0.75, no100k);
  ratio('validate, all rules, 100k: ≤ 1.5 × parse floor', big?.validate, big?.floor, 1.5, no100k);
  ratio('gaps, 100k: ≤ 0.75 × ajv-cli schema-only', big?.gaps, big?.ajv, 0.75, big ? 'no gaps command in this build' : no100k);
  ratio('gaps, 100k: ≤ 1.5 × parse floor', big?.gaps, big?.floor, 1.5, big ? 'no gaps command in this build' : no100k);
  ratio('cold start: `--version` ≤ 2 × `node -e 0`', r.cold.version, r.cold.node, 2, '');
  ratio('cold start: validate of the sample ≤ 2 × `node -e 0`', r.cold.sample, r.cold.node, 2, '');
  if (big?.validate?.rssMB) {
    const v = big.validate.rssMB.max;
    t.push({ name: '100k validated in < 600 MB peak RSS', value: v, limit: 600, pass: v < 600, text: `**${v.toFixed(0)} MB** (highest of the runs)` });
  } else t.push({ name: '100k validated in < 600 MB peak RSS', text: `not measured (${no100k})`, pass: undefined });
  const ten = r.exports['one-10k'];
  ratio('export of 10k rows ≤ 1.5 × bare exceljs write of the same cells', ten?.export, ten?.exceljs, 1.5, r.commands.export ? 'one-10k not run' : 'no export command in this build');
  return t;
}

function table(L, group, keys, base) {
  L.push('| command | median | spread (min–max) | CPU (median) | peak RSS | ' + base.map((b) => `× ${b.label}`).join(' | ') + ' |');
  L.push('|---|---|---|---|---|' + base.map(() => '---|').join(''));
  for (const k of keys) {
    const c = group[k];
    if (!c) continue;
    L.push(`| ${c.label} | ${ms(c.ms.median)} | ${spread(c)} | ${cpu(c)} | ${mb(c)} | ` + base.map((b) => (group[b.key] ? `${(c.ms.median / group[b.key].ms.median).toFixed(2)}×` : '—')).join(' | ') + ' |');
  }
}

export function writeResults(r, { write, file }) {
  const m = r.machine;
  const L = [];
  L.push('# hrss-std benchmark results', '');
  L.push('Written by `npm run bench` (bench/run.js, see bench/README.md); the notes below the marker at the end are written by hand and kept when the file is rewritten.', '');
  L.push(`- **Date:** ${r.date}`);
  L.push(`- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}`);
  L.push(`- **Node:** ${m.node}`);
  L.push(`- **Load average (1/5/15 min):** ${r.load.before.join(' / ')} before, ${r.load.after.join(' / ')} after. Above ~1 per core, other processes competed for the CPU and wall times are inflated; CPU time (user + system) is disturbed less.`);
  L.push(`- **Runs:** median of ${r.runs.default} runs per command (100k: ${r.runs['100k']}; cold start: ${r.runs.cold}) after one warm-up run each; the runs rotate between the commands of a table, so drift hits all of them alike. Times are wall time of the whole process (what CI pays).`);
  L.push(`- **Peak RSS:** ${r.rssSource}; the highest of the runs.`);
  L.push(`- **Schema validators:** precompiled standalone in use: ${r.precompiledSchemas}`);
  L.push(`- **Commands in this build:** gaps ${r.commands.gaps ? 'yes' : 'no'}, export ${r.commands.export ? 'yes' : 'no'}`);
  L.push('');
  L.push('## Targets', '', '| target | measured (wall-time ratio of medians) | result |', '|---|---|---|');
  for (const x of targets(r)) {
    const verdict = x.pass === undefined ? 'n/a' : x.name.startsWith('(') ? (x.pass ? 'would pass' : 'would miss') : x.pass ? 'PASS' : '**MISS**';
    L.push(`| ${x.name} | ${x.text} | ${verdict} |`);
  }
  L.push('');
  L.push('## Cold start', '');
  table(L, r.cold, ['node', 'version', 'sample', 'sampleAjv'], [{ key: 'node', label: 'node -e 0' }]);
  L.push('', `Modules loaded by \`hrss-std --version\`: ${r.versionImports.map((x) => `\`${x}\``).join(', ')}.`, '');
  for (const [scale, s] of Object.entries(r.scales)) {
    const f = s.manifest;
    L.push(`## ${scale}: ${f.standards.toLocaleString('en')} standards in ${f.systems} systems`, '');
    L.push(`${f.systems} systems × ${f.standards / f.systems} rows, ${f.files} files (system.yaml + includes), ${(f.bytes / 2 ** 20).toFixed(1)} MiB of YAML; planted faults: ${Object.entries(f.faults).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
    table(L, s, ['validate', 'validateAjv', 'gaps', 'ajv', 'floor'], [{ key: 'ajv', label: 'ajv-cli' }, { key: 'floor', label: 'parse floor' }]);
    L.push('');
  }
  for (const [scale, s] of Object.entries(r.exports)) {
    const f = s.manifest;
    L.push(`## Export: one system of ${f.standards.toLocaleString('en')} standards (${scale})`, '');
    table(L, s, ['export', 'validate', 'exceljs'], [{ key: 'exceljs', label: 'bare exceljs' }]);
    if (s.exceljs?.cells) L.push('', `Baseline: exceljs \`addRow\` + \`xlsx.writeFile\` of the same ${s.exceljs.cells.cells.toLocaleString('en')} cells in ${s.exceljs.cells.rows.toLocaleString('en')} rows on ${s.exceljs.cells.sheets} sheets, without styles, widths or merges; export also validates the system and computes coverage first.`);
    L.push('');
  }
  let kept = '';
  try {
    const old = readFileSync(file, 'utf8');
    const i = old.indexOf(MISSES_MARK);
    if (i >= 0) kept = old.slice(i + MISSES_MARK.length);
  } catch {
    /* first run */
  }
  const md = `${L.join('\n')}\n${MISSES_MARK}${kept || '\n'}`;
  if (write) writeFileSync(file, md);
  return md;
}
