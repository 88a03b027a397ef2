#!/usr/bin/env node
/**
 * Benchmark data generator: writes a large, realistic, SYNTHETIC standards repository
 * (systems/<id>/system.yaml + include files) in the hrss-std authoring format.
 *
 * Every standard number written here is synthetic and deliberately outside the ranges real
 * standards use, so nothing can be mistaken for a real standard:
 *   national    GB/T 9xxxx-20yy        (5-digit sequences 90000–99999; real GB/T have not reached them)
 *   industry    LD/T 9xxx-20yy         (9000–9999; real LD/T sequences are low: LD/T 01-2020 …)
 *   local       DB44xx/T 9xxx-20yy     (city-level 广东 codes, sequences 9000–9999)
 *   group       T/BENCH 0001-20yy      (a made-up organisation code)
 *   enterprise  Q/BENCHnnnn 0001-20yy  (a made-up organisation code per system)
 * A block that runs out (very large single systems) continues with part numbers (GB/T 90001.1-20yy).
 * Titles are built from the service item names of data/hrss-basic.catalog.yaml plus a generic
 * suffix and are marked "（合成）"; services are real ids from that catalog.
 *
 * Distribution (shares of rows; roughly that of real city tables such as the bundled sample):
 *   level   national 35 %, industry 15 %, local 35 %, group 10 %, enterprise 5 %
 *   status  current 60 %, planned 20 %, drafting 5 %, revising 5 %, upcoming 4 %, replaced 4 %, withdrawn 2 %
 *   services on ~70 % of rows (1–3 ids), department on ~30 %, reviewed on ~25 %, note on ~20 %
 * National and industry numbers come from a shared pool, as real cities cite the same GB/T and
 * LD/T; local, group and enterprise numbers are per system.
 *
 * Planted faults (share `faultRate` of rows, default 2 %), all schema-valid, found by rules:
 *   non-canonical number (full-width slash, "GBT", missing space, long dash), duplicate number in
 *   the same system, stated level contradicting the number, effective date before published date.
 *
 * Deterministic: the same options give the same bytes.
 *
 * Usage: node bench/generate.js [--systems 25] [--standards 400] [--includes 3] [--seed 1]
 *                               [--fault-rate 0.02] [--out bench/.work/repo]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when the output changes, so npm run bench regenerates its cached repositories. */
export const GENERATOR_VERSION = 4;

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    weighted(table) {
      let r = next() * table.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of table) if ((r -= w) < 0) return v;
      return table[table.length - 1][0];
    },
  };
}

const LEVELS = [['national', 35], ['industry', 15], ['local', 35], ['group', 10], ['enterprise', 5]];
const STATUSES = [['current', 60], ['planned', 20], ['drafting', 5], ['revising', 5], ['upcoming', 4], ['replaced', 4], ['withdrawn', 2]];
const LEVEL_ZH = { national: '国家标准', industry: '行业标准', local: '地方标准', group: '团体标准', enterprise: '企业标准' };
const STATUS_ZH = { current: '现行', planned: '待制定', drafting: '制定中', revising: '待修订', upcoming: '即将实施', replaced: '被代替', withdrawn: '废止' };
const SUFFIXES = ['服务规范', '经办规程', '服务质量评价', '服务指南', '信息数据规范', '服务窗口建设规范', '业务档案管理规范', '服务评价与改进', '线上办理规范'];
const DEPARTMENTS = ['市人力资源和社会保障局', '市社会保险基金管理中心', '市公共就业服务中心', '市劳动人事争议仲裁院', '市人才服务中心', 'SAC/TC 474（合成）'];

/** Zhanjiang 7-part framework: the top-level parts and some realistic second-level nodes. */
const FRAMEWORK = [
  ['100', '基础通用标准体系', ['术语与缩略语标准', '符号与标志标准', '标准化工作标准']],
  ['200', '公共就业服务标准体系', ['公共就业指导与培训服务标准', '就业失业登记服务标准', '重点群体就业服务标准', '创业服务标准']],
  ['300', '社会保险服务标准体系', ['社保经办服务标准', '养老保险服务标准', '失业保险服务标准', '工伤保险服务标准']],
  ['400', '人才服务标准体系', ['人才建设服务标准', '人才流动服务标准']],
  ['500', '劳动关系服务标准体系', ['劳动关系协调服务标准', '劳动人事调解服务标准', '劳动保障监察服务标准']],
  ['600', '信息化服务标准体系', ['社会保障卡信息服务标准', '官方线上平台服务标准']],
  ['700', '其他服务标准体系', ['人社电话热线服务标准', '中等职业教育服务标准']],
];

function loadCatalogItems() {
  const cat = yaml.load(readFileSync(path.join(ROOT, 'data/hrss-basic.catalog.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA });
  const items = [];
  for (const p of cat.projects) {
    for (const i of p.items ?? []) items.push({ id: i.id, name: i.name, also: i.also ?? [] });
    if (!p.items?.length) items.push({ id: p.id, name: p.name, project: true, also: [] });
  }
  return items;
}

/** "就业信息服务" + "服务规范" → "就业信息服务规范", not "…服务服务规范". */
function titleOf(name, suffix) {
  return `${name.endsWith('服务') && suffix.startsWith('服务') ? name.slice(0, -2) : name}${suffix}（合成）`;
}

/** YAML scalar: plain when safe, JSON-quoted otherwise (JSON strings are valid YAML). */
function q(s) {
  return /^[\p{L}\p{N}][^:#'"{}\[\],&*!|>%@`\n]*$/u.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

function pad(n, w) {
  return String(n).padStart(w, '0');
}

function isoDate(y, m, d) {
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * The k-th number of a synthetic block: base … base+span-1 (GB/T 90000–99999, LD/T and DB 9000–9999),
 * then the same sequences with part numbers (.1, .2, …) so a block never leaves its range.
 */
function synthSeq(base, span, k) {
  const part = Math.floor(k / span);
  return `${base + (k % span)}${part ? `.${part}` : ''}`;
}

/** Shared pools of national and industry standards (the same numbers recur across cities). */
function makePools(r, items, size) {
  const mk = (prefix, seqBase, span, n) => {
    const out = [];
    for (let k = 0; k < n; k++) {
      const year = r.int(2010, 2024);
      const it = r.pick(items);
      out.push({ number: `${prefix} ${synthSeq(seqBase, span, k)}-${year}`, year, title: titleOf(it.name, r.pick(SUFFIXES)), service: it.id });
    }
    return out;
  };
  return { national: mk('GB/T', 90000, 10000, size), industry: mk('LD/T', 9000, 1000, Math.ceil(size / 2)) };
}

/** Break a canonical number the way people do when typing it (all recognised by the number grammar). */
function miswrite(r, number) {
  switch (r.int(0, 3)) {
    case 0: return number.replace('/', '／');
    case 1: return number.replace(/^GB\/T/, 'GBT').replace(/^LD\/T/, 'LD／T').replace(/^DB(\d+)\/T/, 'DB$1／T').replace(/^([TQ])\//, '$1／');
    case 2: return number.replace(' ', '');
    default: return number.replace(/-(\d{4})$/, '—$1');
  }
}

function generateSystem(r, sysIndex, opts, pools, items) {
  const id = `bench-city-${pad(sysIndex + 1, 4)}`;
  const cityCode = `44${pad(1 + (sysIndex % 20), 2)}`;
  const faults = { nonCanonical: 0, duplicate: 0, levelMismatch: 0, dateOrder: 0 };
  const numbered = [];
  const seen = new Set();
  let localSeq = 0;
  let orgSeq = 0;
  // group/enterprise: 0001–9999, then with part numbers
  const orgNo = (k) => `${pad(1 + (k % 9999), 4)}${k >= 9999 ? `.${Math.floor(k / 9999)}` : ''}`;

  // Group/enterprise standards fill gaps: they serve a few items no government standard of this
  // system serves (else the priority rule flags them, as it should).
  const niche = new Set();
  // (items reachable through a project id or an `also` link are avoided: a whole-project row covers them)
  const plain = items.filter((it) => !it.project && !it.also.length);
  while (niche.size < 8) niche.add(r.pick(plain));
  const govItems = items.filter((it) => !niche.has(it));
  const nicheItems = [...niche];
  const itemById = new Map(items.map((it) => [it.id, it]));

  const row = (code) => {
    let level = r.weighted(LEVELS);
    let status = r.weighted(STATUSES);
    const e = { code };
    let year = r.int(2010, 2024);
    // upcoming = published, not yet effective on the bench's fixed date (2025-01-01): a new local standard
    if (status === 'upcoming') { level = 'local'; year = 2024; }
    if (status !== 'planned' && status !== 'drafting') {
      let number;
      let title;
      let service;
      if (level === 'national' || level === 'industry') {
        // draw from the shared pool, avoiding repeats within this system
        const pool = pools[level];
        for (let tries = 0; tries < 8; tries++) {
          const p = r.pick(pool);
          if (!seen.has(p.number) && !niche.has(itemById.get(p.service))) { number = p.number; title = p.title; service = p.service; year = p.year; break; }
        }
        if (!number) level = 'local';
      }
      if (!number) {
        const it = r.pick(level === 'group' || level === 'enterprise' ? nicheItems : govItems);
        service = it.id;
        title = titleOf(it.name, r.pick(SUFFIXES));
        if (level === 'local') number = `DB${cityCode}/T ${synthSeq(9000, 1000, localSeq++)}-${year}`;
        else if (level === 'group') number = `T/BENCH ${orgNo(orgSeq++)}-${year}`;
        else number = `Q/BENCH${pad(sysIndex + 1, 4)} ${orgNo(orgSeq++)}-${year}`;
      }
      seen.add(number);
      e.number = number;
      e.title = title;
      e.service = service;
    } else {
      const it = r.pick(level === 'group' || level === 'enterprise' ? nicheItems : govItems);
      e.title = titleOf(it.name, r.pick(SUFFIXES));
      e.service = it.id;
    }
    e.level = level;
    e.status = status;
    if (e.number && status !== 'drafting') {
      const m = r.int(1, 12);
      const d = r.int(1, 28);
      e.published = isoDate(year, m, d);
      // rows in force must be in force on the bench's date (2025-01-01)
      const em = status === 'upcoming' ? 13 : Math.min(m + r.int(1, 6), year === 2024 ? 12 : 18);
      e.effective = em > 12 ? isoDate(year + 1, em - 12, d) : isoDate(year, em, d);
      if (status === 'upcoming') { e.published = isoDate(2024, 12, d); e.effective = isoDate(2025, 6, d); }
      // most tables keep review records for older standards (the 5-year review, GB/T 1.1 practice); some lag
      if (year <= 2019 ? r.chance(0.9) : year < 2024 && r.chance(0.2)) e.reviewed = isoDate(r.int(Math.max(year + 1, 2020), 2024), r.int(1, 12), r.int(1, 28));
    }
    const newer = Math.min(year + r.int(3, 8), 2024);
    if (status === 'replaced' && e.number && newer > year) e.replaced_by = e.number.replace(/-(\d{4})$/, `-${newer}`);
    if (r.chance(0.7)) {
      const ids = new Set([e.service]);
      const extra = r.int(0, 2);
      for (let k = 0; k < extra; k++) ids.add(r.pick(level === 'group' || level === 'enterprise' ? nicheItems : govItems).id);
      e.services = [...ids];
    }
    if (r.chance(0.3)) e.department = r.pick(DEPARTMENTS);
    if (level === 'group' || level === 'enterprise') e.justification = '尚无适用的国家、行业或地方标准，采用经备案的团体/内部标准（合成）';
    if (r.chance(0.2)) e.note = '基准测试合成数据，非真实标准';
    // Chinese aliases are part of the format: use them on some rows.
    if (r.chance(0.05)) e.levelText = LEVEL_ZH[level];
    if (r.chance(0.05)) e.statusText = STATUS_ZH[status];

    // planted faults
    if (r.chance(opts.faultRate)) {
      const kind = r.int(0, 3);
      if (kind === 0 && e.number) { e.number = miswrite(r, e.number); faults.nonCanonical++; }
      else if (kind === 1 && numbered.length > 1) {
        // the same standard listed again under another node (only the code differs)
        faults.duplicate++;
        return { ...numbered[numbered.length - 2], code: e.code };
      }
      else if (kind === 2 && e.number) { e.level = e.level === 'local' ? 'national' : 'local'; e.levelText = undefined; faults.levelMismatch++; }
      else if (kind === 3 && e.published) { e.effective = isoDate(+e.published.slice(0, 4) - 1, 1, 15); faults.dateOrder++; }
      return e;
    }
    if (e.number && (status === 'current' || status === 'revising')) numbered.push(e);
    return e;
  };

  const emitRow = (e, ind) => {
    const L = [];
    L.push(`${ind}- code: ${JSON.stringify(e.code)}`);
    if (e.number) L.push(`${ind}  number: ${q(e.number)}`);
    L.push(`${ind}  title: ${q(e.title)}`);
    L.push(`${ind}  level: ${e.levelText ?? e.level}`);
    L.push(`${ind}  status: ${e.statusText ?? e.status}`);
    if (e.published) L.push(`${ind}  published: "${e.published}"`);
    if (e.effective) L.push(`${ind}  effective: "${e.effective}"`);
    if (e.reviewed) L.push(`${ind}  reviewed: "${e.reviewed}"`);
    if (e.department) L.push(`${ind}  department: ${q(e.department)}`);
    if (e.services) L.push(`${ind}  services: [${e.services.join(', ')}]`);
    if (e.replaced_by) L.push(`${ind}  replaced_by: ${q(e.replaced_by)}`);
    if (e.justification) L.push(`${ind}  justification: ${q(e.justification)}`);
    if (e.note) L.push(`${ind}  note: ${q(e.note)}`);
    return L.join('\n');
  };

  // Distribute the rows over second-level nodes (uneven, as in real tables).
  const leaves = [];
  for (const [top, , kids] of FRAMEWORK) kids.forEach((t, k) => leaves.push({ top, code: String(+top + k + 1), title: t, weight: 0.3 + r.next() }));
  const totalW = leaves.reduce((s, l) => s + l.weight, 0);
  let left = opts.standards;
  leaves.forEach((l, k) => {
    l.count = k === leaves.length - 1 ? left : Math.min(left, Math.round((opts.standards * l.weight) / totalW));
    left -= l.count;
  });

  // Which top-level parts live in include files: the biggest ones, as users split the long parts.
  const partSize = FRAMEWORK.map(([top]) => [top, leaves.filter((l) => l.top === top).reduce((s, l) => s + l.count, 0)]);
  const included = new Set(partSize.sort((a, b) => b[1] - a[1]).slice(0, opts.includes).map(([top]) => top));

  const files = {};
  const sys = [
    '# yaml-language-server: $schema=../../schemas/system.schema.json',
    '# 基准测试用合成数据（bench/generate.js 生成）：标准编号均为虚构号段，不是真实标准。',
    `id: ${id}`,
    `title: 基准市${pad(sysIndex + 1, 4)}人力资源和社会保障领域公共服务标准体系（合成）`,
    `region: { name: 基准市${pad(sysIndex + 1, 4)} }`,
    `owner: 基准市${pad(sysIndex + 1, 4)}人力资源和社会保障局（合成）`,
    'version: "2024.1"',
    'framework: zhanjiang-7',
    'catalog: hrss-basic',
    'subsystems:',
  ];
  let rows = 0;
  for (const [top, title] of FRAMEWORK) {
    const body = [];
    const inc = included.has(top);
    const ind = inc ? '' : '    ';
    body.push(`${ind}subsystems:`);
    for (const l of leaves.filter((x) => x.top === top)) {
      body.push(`${ind}  - code: "${l.code}"`, `${ind}    title: ${l.title}`);
      if (l.count === 0) continue;
      body.push(`${ind}    standards:`);
      const w = l.count > 99 ? 3 : 2;
      for (let k = 1; k <= l.count; k++) body.push(emitRow(row(`${l.code}-${pad(k, w)}`), `${ind}      `));
      rows += l.count;
    }
    sys.push(`  - code: "${top}"`, `    title: ${title}`);
    if (inc) {
      const name = `part-${top}.yaml`;
      sys.push(`    include: ${name}`);
      files[name] = ['# yaml-language-server: $schema=../../schemas/include.schema.json', `# ${top} ${title}（合成数据，由 system.yaml 引入）`, ...body].join('\n') + '\n';
    } else {
      sys.push(...body);
    }
  }
  files['system.yaml'] = sys.join('\n') + '\n';
  return { id, files, rows, faults };
}

/** Write a repository; returns its manifest (also written as manifest.json). */
export function generateRepo(options) {
  const opts = { systems: 25, standards: 400, includes: 3, seed: 1, faultRate: 0.02, out: path.join(ROOT, 'bench/.work/repo'), ...options };
  const r = rng(opts.seed);
  const items = loadCatalogItems();
  const pools = makePools(r, items, Math.max(200, Math.ceil(opts.standards * 1.5)));
  rmSync(opts.out, { recursive: true, force: true });
  const manifest = { generator: GENERATOR_VERSION, options: { ...opts, out: undefined }, systems: 0, standards: 0, files: 0, bytes: 0, faults: { nonCanonical: 0, duplicate: 0, levelMismatch: 0, dateOrder: 0 }, systemFiles: [], includeFiles: [] };
  for (let s = 0; s < opts.systems; s++) {
    const g = generateSystem(r, s, opts, pools, items);
    const dir = path.join(opts.out, 'systems', g.id);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(g.files)) {
      writeFileSync(path.join(dir, name), text);
      manifest.files++;
      manifest.bytes += Buffer.byteLength(text);
      (name === 'system.yaml' ? manifest.systemFiles : manifest.includeFiles).push(`systems/${g.id}/${name}`);
    }
    manifest.systems++;
    manifest.standards += g.rows;
    for (const k of Object.keys(g.faults)) manifest.faults[k] += g.faults[k];
  }
  // A fixed "today" so date rules (upcoming, review due) give the same findings whenever the bench runs.
  writeFileSync(path.join(opts.out, '.hrss-std.yaml'), '# 基准测试配置（合成数据）\ntoday: "2025-01-01"\n');
  writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    o[k] = k === 'out' ? path.resolve(argv[i + 1]) : Number(argv[i + 1]);
  }
  return o;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = generateRepo(parseArgs(process.argv.slice(2)));
  const { systemFiles, includeFiles, ...summary } = m;
  console.log(JSON.stringify(summary, null, 2));
}
