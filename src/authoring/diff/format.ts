import { csvLine } from '../../util/csv.js';
import { STATE_LABELS } from '../../gaps/labels.js';
import { t, type Lang, type Text } from '../../i18n/index.js';
import { LEVEL_LABELS, STATUS_LABELS, type Level, type Status } from '../../model/types.js';
import type { ChangeKind, Changed, FieldChange, StdRef, SystemDiff } from './compare.js';

export interface DiffReport {
  a: string;
  b: string;
  systems: SystemDiff[];
}

const KIND_LABELS: Record<ChangeKind, Text> = {
  moved: { zh: '移动', en: 'moved' },
  renumbered: { zh: '改号', en: 'renumbered' },
  status: { zh: '状态变化', en: 'status changed' },
  title: { zh: '名称修改', en: 'title changed' },
  other: { zh: '其他修改', en: 'other changes' },
};
const KINDS: ChangeKind[] = ['moved', 'renumbered', 'status', 'title', 'other'];
/** which field changes each section shows */
const KIND_FIELDS: Record<Exclude<ChangeKind, 'other'>, string> = { moved: 'subsystem', renumbered: 'number', status: 'status', title: 'title' };

const FIELD_LABELS: Record<string, Text> = {
  subsystem: { zh: '子体系', en: 'sub-system' },
  number: { zh: '标准编号', en: 'number' },
  status: { zh: '状态', en: 'status' },
  title: { zh: '标准名称', en: 'title' },
  level: { zh: '级别', en: 'level' },
  code: { zh: '体系表编号', en: 'code' },
  services: { zh: '对应服务事项', en: 'services' },
  published: { zh: '发布日期', en: 'published' },
  effective: { zh: '实施日期', en: 'effective' },
  reviewed: { zh: '复审日期', en: 'reviewed' },
  department: { zh: '归口部门', en: 'department' },
  replaces: { zh: '代替标准', en: 'replaces' },
  replaced_by: { zh: '被代替为', en: 'replaced by' },
  note: { zh: '备注', en: 'note' },
};

const L = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  nodes: { zh: '子体系', en: 'sub-systems' },
  coverage: { zh: '服务事项覆盖', en: 'service coverage' },
  none: { zh: '没有差异', en: 'no differences' },
  newSystem: { zh: '新增的体系', en: 'new system' },
  goneSystem: { zh: '删除的体系', en: 'removed system' },
  empty: { zh: '（无）', en: '(none)' },
} satisfies Record<string, Text>;

function value(field: string, v: string | string[] | null, lang: Lang): string {
  if (v === null) return L.empty[lang];
  if (Array.isArray(v)) return v.length ? v.join('、') : L.empty[lang];
  if (field === 'status' && v in STATUS_LABELS) return STATUS_LABELS[v as Status][lang];
  if (field === 'level' && v in LEVEL_LABELS) return LEVEL_LABELS[v as Level][lang];
  return v;
}

function change(c: FieldChange, lang: Lang, withField: boolean): string {
  const body = `${value(c.field, c.from, lang)} → ${value(c.field, c.to, lang)}`;
  return withField ? `${t(FIELD_LABELS[c.field] ?? { zh: c.field, en: c.field }, lang)} ${body}` : body;
}

function name(r: StdRef): string {
  return r.number ? `${r.number} ${r.title}` : r.title;
}

/** The field changes a section shows for one changed row. */
function sectionChanges(c: Changed, kind: ChangeKind): FieldChange[] {
  if (kind === 'other') return c.changes.filter((x) => !Object.values(KIND_FIELDS).includes(x.field));
  return c.changes.filter((x) => x.field === KIND_FIELDS[kind]);
}

function counts(d: SystemDiff, lang: Lang): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`${t(L.added, lang)} ${d.added.length}`);
  if (d.removed.length) parts.push(`${t(L.removed, lang)} ${d.removed.length}`);
  for (const k of KINDS) {
    const n = d.changed.filter((c) => c.kinds.includes(k)).length;
    if (n) parts.push(`${t(KIND_LABELS[k], lang)} ${n}`);
  }
  return parts.join(lang === 'zh' ? '、' : ', ');
}

function pct(n: number): string {
  return `${n.toFixed(1)}%`;
}

function systemHeading(d: SystemDiff, lang: Lang): string {
  const tag = !d.fileA ? `（${t(L.newSystem, lang)}）` : !d.fileB ? `（${t(L.goneSystem, lang)}）` : '';
  return `${d.title}${tag}（${d.id}，${d.fileB ?? d.fileA}）`;
}

export function formatText(r: DiffReport, lang: Lang): string {
  const colon = lang === 'zh' ? '：' : ':';
  const out: string[] = [`${lang === 'zh' ? '比较' : 'comparing'} ${r.a} → ${r.b}`, ''];
  for (const d of r.systems) {
    out.push(systemHeading(d, lang));
    const summary = counts(d, lang);
    const hasNodes = d.nodes.added.length + d.nodes.removed.length + d.nodes.renamed.length > 0;
    if (!summary && !hasNodes && !d.coverage?.items.length) {
      out.push(`  ${t(L.none, lang)}`, '');
      continue;
    }
    if (summary) out.push(`  ${summary}`);
    if (d.added.length) {
      out.push(`  ${t(L.added, lang)}${colon}`);
      for (const s of d.added) out.push(`    + ${name(s)}${s.subsystem ? `  〔${s.subsystem}〕` : ''}`);
    }
    if (d.removed.length) {
      out.push(`  ${t(L.removed, lang)}${colon}`);
      for (const s of d.removed) out.push(`    - ${name(s)}${s.subsystem ? `  〔${s.subsystem}〕` : ''}`);
    }
    for (const k of KINDS) {
      const rows = d.changed.filter((c) => c.kinds.includes(k));
      if (!rows.length) continue;
      out.push(`  ${t(KIND_LABELS[k], lang)}${colon}`);
      for (const c of rows) {
        const who = k === 'renumbered' ? c.after.title : name(c.after);
        out.push(`    ~ ${who}${colon} ${sectionChanges(c, k).map((x) => change(x, lang, k === 'other')).join(lang === 'zh' ? '；' : '; ')}`);
      }
    }
    if (hasNodes) {
      out.push(`  ${t(L.nodes, lang)}${colon}`);
      for (const n of d.nodes.added) out.push(`    + ${n.code} ${n.title}`);
      for (const n of d.nodes.removed) out.push(`    - ${n.code} ${n.title}`);
      for (const n of d.nodes.renamed) out.push(`    ~ ${n.code} ${n.from} → ${n.to}`);
    }
    if (d.coverage && (d.coverage.items.length || d.coverage.totals.from !== d.coverage.totals.to)) {
      const tt = d.coverage.totals;
      out.push(lang === 'zh'
        ? `  ${t(L.coverage, lang)}：覆盖率 ${pct(tt.from)} → ${pct(tt.to)}（已覆盖 ${tt.coveredFrom}/${tt.itemsFrom} → ${tt.coveredTo}/${tt.itemsTo}）`
        : `  ${t(L.coverage, lang)}: ${pct(tt.from)} → ${pct(tt.to)} (covered ${tt.coveredFrom}/${tt.itemsFrom} → ${tt.coveredTo}/${tt.itemsTo})`);
      for (const i of d.coverage.items) {
        out.push(`    ${i.id} ${i.name}${colon} ${i.from ? t(STATE_LABELS[i.from], lang) : L.empty[lang]} → ${i.to ? t(STATE_LABELS[i.to], lang) : L.empty[lang]}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(r: DiffReport, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const d of r.systems) {
    out.push(`### ${zh ? '标准体系变更' : 'Standard-system changes'}: ${md(systemHeading(d, lang))}`, '');
    out.push(`${md(r.a)} → ${md(r.b)}`, '');
    const summary = counts(d, lang);
    const hasNodes = d.nodes.added.length + d.nodes.removed.length + d.nodes.renamed.length > 0;
    if (!summary && !hasNodes && !d.coverage?.items.length) {
      out.push(t(L.none, lang), '');
      continue;
    }
    if (summary) out.push(`**${md(summary)}**`, '');
    const head = (cols: string[]) => out.push(`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
    const listTable = (title: Text, rows: StdRef[]) => {
      if (!rows.length) return;
      out.push(`#### ${t(title, lang)}`, '');
      head(zh ? ['标准编号', '标准名称', '子体系', '状态'] : ['number', 'title', 'sub-system', 'status']);
      for (const s of rows) out.push(`| ${md(s.number ?? '')} | ${md(s.title)} | ${md(s.subsystem)} | ${value('status', s.status, lang)} |`);
      out.push('');
    };
    listTable(L.added, d.added);
    listTable(L.removed, d.removed);
    for (const k of KINDS) {
      const rows = d.changed.filter((c) => c.kinds.includes(k));
      if (!rows.length) continue;
      out.push(`#### ${t(KIND_LABELS[k], lang)}`, '');
      if (k === 'other') {
        head(zh ? ['标准编号', '标准名称', '修改'] : ['number', 'title', 'changes']);
        for (const c of rows) out.push(`| ${md(c.after.number ?? '')} | ${md(c.after.title)} | ${md(sectionChanges(c, k).map((x) => change(x, lang, true)).join('；'))} |`);
      } else {
        head(zh ? ['标准编号', '标准名称', '原', '新'] : ['number', 'title', 'before', 'after']);
        for (const c of rows) {
          const x = sectionChanges(c, k)[0]!;
          out.push(`| ${md(c.after.number ?? '')} | ${md(c.after.title)} | ${md(value(x.field, x.from, lang))} | ${md(value(x.field, x.to, lang))} |`);
        }
      }
      out.push('');
    }
    if (hasNodes) {
      out.push(`#### ${t(L.nodes, lang)}`, '');
      for (const n of d.nodes.added) out.push(`- ${zh ? '新增' : 'added'} ${md(n.code)} ${md(n.title)}`);
      for (const n of d.nodes.removed) out.push(`- ${zh ? '删除' : 'removed'} ${md(n.code)} ${md(n.title)}`);
      for (const n of d.nodes.renamed) out.push(`- ${zh ? '更名' : 'renamed'} ${md(n.code)}: ${md(n.from)} → ${md(n.to)}`);
      out.push('');
    }
    if (d.coverage && (d.coverage.items.length || d.coverage.totals.from !== d.coverage.totals.to)) {
      const tt = d.coverage.totals;
      out.push(`#### ${t(L.coverage, lang)}`, '');
      out.push(zh
        ? `覆盖率 ${pct(tt.from)} → **${pct(tt.to)}**（已覆盖 ${tt.coveredFrom}/${tt.itemsFrom} → ${tt.coveredTo}/${tt.itemsTo}）`
        : `coverage ${pct(tt.from)} → **${pct(tt.to)}** (covered ${tt.coveredFrom}/${tt.itemsFrom} → ${tt.coveredTo}/${tt.itemsTo})`, '');
      if (d.coverage.items.length) {
        head(zh ? ['事项', '名称', '原', '新'] : ['item', 'name', 'before', 'after']);
        for (const i of d.coverage.items) {
          out.push(`| ${md(i.id)} | ${md(i.name)} | ${i.from ? t(STATE_LABELS[i.from], lang) : ''} | ${i.to ? t(STATE_LABELS[i.to], lang) : ''} |`);
        }
        out.push('');
      }
    }
  }
  return out.join('\n') + '\n';
}

export function formatJson(r: DiffReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export interface RevisionRow {
  system: string;
  kind: string;
  number: string;
  title: string;
  subsystem: string;
  detail: string;
}

/** 修订记录: one line per change, for a revision table in the exported documents or a CSV. */
export function revisionRows(r: DiffReport, lang: Lang): RevisionRow[] {
  const rows: RevisionRow[] = [];
  for (const d of r.systems) {
    for (const s of d.added) rows.push({ system: d.id, kind: t(L.added, lang), number: s.number ?? '', title: s.title, subsystem: s.subsystem, detail: value('status', s.status, lang) });
    for (const s of d.removed) rows.push({ system: d.id, kind: t(L.removed, lang), number: s.number ?? '', title: s.title, subsystem: s.subsystem, detail: '' });
    for (const c of d.changed) {
      rows.push({
        system: d.id,
        kind: c.kinds.map((k) => t(KIND_LABELS[k], lang)).join(lang === 'zh' ? '、' : ', '),
        number: c.after.number ?? '',
        title: c.after.title,
        subsystem: c.after.subsystem,
        detail: c.changes.map((x) => change(x, lang, true)).join(lang === 'zh' ? '；' : '; '),
      });
    }
  }
  return rows;
}

/** The 修订记录 as CSV (UTF-8 with BOM, so Excel reads the Chinese correctly). */
export function formatCsv(r: DiffReport, lang: Lang): string {
  const head = lang === 'zh'
    ? ['序号', '体系', '变更类型', '标准编号', '标准名称', '子体系', '变更内容']
    : ['no', 'system', 'change', 'number', 'title', 'sub-system', 'details'];
  const lines = [head.join(',')];
  revisionRows(r, lang).forEach((x, i) => lines.push(csvLine([String(i + 1), x.system, x.kind, x.number, x.title, x.subsystem, x.detail])));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
