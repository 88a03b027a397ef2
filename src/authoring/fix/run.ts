import { readFileSync } from 'node:fs';
import { OMIT_HEADERS, formatPatch, structuredPatch } from 'diff';
import type { Config } from '../../config/config.js';
import { t, type Lang } from '../../i18n/index.js';
import { displayPath } from '../../load/source.js';
import { loadSystem } from '../../system/load.js';
import { discoverSystems } from '../../load/discover.js';
import { fixText } from './apply.js';
import type { Edit, FixKind } from './plan.js';

export interface FileFix {
  abs: string;
  display: string;
  before: string;
  after: string;
  applied: Edit[];
  skipped: Edit[];
  syntaxError?: string;
  /** the file started with a UTF-8 BOM: written back with it */
  bom: boolean;
}

/** Every YAML file of the systems `validate` would check (system.yaml and its includes), once each. */
export function systemFiles(args: string[], config: Config, cwd: string): string[] {
  const { files } = discoverSystems(args, cwd, config.systems, config.dir);
  const out = new Set<string>();
  for (const f of files) {
    const loaded = loadSystem(f, { limits: config.limits, cwd, skipSchema: true });
    for (const sf of loaded.files) if (sf.text !== '' || sf.positions) out.add(sf.abs);
  }
  return [...out];
}

/** Plan the fixes of each file; files that cannot be read as UTF-8 are left alone. */
export function planFiles(files: string[], cwd: string): FileFix[] {
  const out: FileFix[] = [];
  for (const abs of files) {
    let buf: Buffer;
    try {
      buf = readFileSync(abs);
    } catch {
      continue; // validate reports unreadable files
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      continue;
    }
    // TextDecoder drops a leading BOM by itself, so look at the bytes
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const r = fixText(text);
    out.push({ abs, display: displayPath(abs, cwd), before: text, after: r.text, applied: r.applied, skipped: r.skipped, syntaxError: r.syntaxError, bom });
  }
  return out;
}

/** `diff -u` of every file that would change. */
export function fixDiff(fixes: FileFix[]): string {
  return fixes.map((f) => unifiedDiff(f.before, f.after, f.display)).join('');
}

/** A text as lines that all end in a newline: a missing final newline is not shown (it is never what a fix changes). */
const endLine = (text: string) => (text === '' || text.endsWith('\n') ? text : text + '\n');

/**
 * `--- a/name` / `+++ b/name` unified diff (3 lines of context, jsdiff's hunks); '' when the texts
 * are equal. The file names are written as they are (jsdiff would C-quote non-ASCII names the way
 * git does, "\346\271\233…", unreadable for 湛江/system.yaml).
 */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${name}`, `b/${name}`, endLine(before), endLine(after), undefined, undefined, { context });
  return `--- a/${name}\n+++ b/${name}\n` + (patch.hunks.length ? formatPatch(patch, OMIT_HEADERS) : '');
}

const KIND_LABEL: Record<FixKind, { zh: string; en: string }> = {
  number: { zh: '标准编号规范写法', en: 'canonical standard number' },
  level: { zh: '级别改为规范值', en: 'canonical level value' },
  status: { zh: '状态改为规范值', en: 'canonical status value' },
  trim: { zh: '去掉首尾空白', en: 'trimmed blanks' },
  'quote-code': { zh: '编号加引号（保留前导零）', en: 'quoted the code (keeps leading zeros)' },
  'trailing-space': { zh: '删除行尾空白', en: 'removed trailing blanks' },
};

function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}:${offset - start + 1}`;
}

/** What was (or, for a dry run, would be) changed, one line per fix; trailing blanks counted per file. */
export function fixReport(fixes: FileFix[], lang: Lang, dryRun: boolean): string {
  const lines: string[] = [];
  let count = 0;
  let changedFiles = 0;
  for (const f of fixes) {
    if (f.applied.length) changedFiles++;
    let blanks = 0;
    for (const e of f.applied) {
      count++;
      if (e.kind === 'trailing-space') {
        blanks++;
        continue;
      }
      const what = e.kind === 'quote-code' ? `${e.from} → "${e.to}"` : `“${e.from}” → “${e.to}”`;
      lines.push(`${f.display}:${lineCol(f.before, e.start)}  ${t(KIND_LABEL[e.kind], lang)} (${e.key})  ${what}`);
    }
    if (blanks) lines.push(`${f.display}  ${t(KIND_LABEL['trailing-space'], lang)}: ${blanks}`);
    for (const e of f.skipped) {
      lines.push(`${f.display}:${lineCol(f.before, e.start)}  ${t({ zh: '未修复（修改后无法确保含义不变）', en: 'not fixed (the result could not be proven to mean the same)' }, lang)}  “${e.from}”`);
    }
  }
  const verb = dryRun
    ? { zh: `可修复 ${count} 处，涉及 ${changedFiles} 个文件`, en: `${count} fix(es) available in ${changedFiles} file(s)` }
    : { zh: `已修复 ${count} 处，涉及 ${changedFiles} 个文件`, en: `fixed ${count} problem(s) in ${changedFiles} file(s)` };
  lines.push(count ? t(verb, lang) : t({ zh: '没有可自动修复的问题', en: 'nothing to fix' }, lang));
  return lines.join('\n') + '\n';
}
