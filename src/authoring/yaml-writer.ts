import { parse as parseYamlValue } from 'yaml';
import type { OutNode, OutStandard } from './import/table.js';

/**
 * A small, deterministic YAML writer for system files in the house style (the bundled sample's):
 * block mappings, codes and dates quoted, short lists in flow style. Hand-written rather than
 * `yaml.stringify` so the same data always gives the same bytes across library versions.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A scalar as plain text when that reads back as the same string, else double-quoted. */
export function scalar(value: string, opts: { inFlow?: boolean; quote?: boolean } = {}): string {
  if (opts.quote || value === '' || DATE.test(value)) return JSON.stringify(value);
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value) || /: |\s#|:$/.test(value) || /[\n\r\t]/.test(value)) {
    return JSON.stringify(value);
  }
  if (opts.inFlow && /[,[\]{}]/.test(value)) return JSON.stringify(value);
  try {
    if (parseYamlValue(value) !== value) return JSON.stringify(value);
  } catch {
    return JSON.stringify(value);
  }
  return value;
}

function flowList(items: string[]): string {
  return `[${items.map((i) => scalar(i, { inFlow: true })).join(', ')}]`;
}

const STANDARD_KEYS: (keyof OutStandard)[] = [
  'code', 'number', 'title', 'level', 'status', 'published', 'effective', 'reviewed', 'department',
  'services', 'replaces', 'replaced_by', 'adopted', 'references', 'justification', 'note',
];

function writeStandard(s: OutStandard, indent: string, out: string[]): void {
  let first = true;
  for (const k of STANDARD_KEYS) {
    const v = s[k];
    if (v === undefined) continue;
    const lead = first ? `${indent}- ` : `${indent}  `;
    first = false;
    if (Array.isArray(v)) out.push(`${lead}${k}: ${flowList(v)}`);
    else if (typeof v === 'object') {
      const a = v as { ref: string; degree?: string };
      out.push(`${lead}${k}: { ref: ${scalar(a.ref, { inFlow: true })}${a.degree ? `, degree: ${a.degree}` : ''} }`);
    } else out.push(`${lead}${k}: ${scalar(v, { quote: k === 'code' })}`);
  }
}

function writeNode(n: OutNode, indent: string, out: string[]): void {
  out.push(`${indent}- code: ${scalar(n.code, { quote: true })}`);
  out.push(`${indent}  title: ${scalar(n.title)}`);
  writeBody(n, `${indent}  `, out);
}

/** `standards:` then `subsystems:` of a node (or of the system root), at `indent`. */
export function writeBody(n: { standards: OutStandard[]; subsystems: OutNode[] }, indent: string, out: string[]): void {
  if (n.standards.length) {
    out.push(`${indent}standards:`);
    for (const s of n.standards) writeStandard(s, `${indent}  `, out);
  }
  if (n.subsystems.length) {
    out.push(`${indent}subsystems:`);
    for (const c of n.subsystems) writeNode(c, `${indent}  `, out);
  }
}

export interface SystemHeader {
  id: string;
  title: string;
  region?: { name?: string; code?: string };
  owner?: string;
  version?: string;
  framework?: string;
  catalog?: string;
  /** `# yaml-language-server: $schema=…` line, and any comment lines, written first */
  comments?: string[];
}

/** The whole system.yaml for `header` and a tree. */
export function writeSystemYaml(h: SystemHeader, body: { standards: OutStandard[]; subsystems: OutNode[] }): string {
  const out: string[] = [...(h.comments ?? []).map((c) => `# ${c}`)];
  out.push(`id: ${scalar(h.id)}`);
  out.push(`title: ${scalar(h.title)}`);
  if (h.region && (h.region.name || h.region.code)) {
    const parts: string[] = [];
    if (h.region.name) parts.push(`name: ${scalar(h.region.name, { inFlow: true })}`);
    if (h.region.code) parts.push(`code: ${JSON.stringify(h.region.code)}`);
    out.push(`region: { ${parts.join(', ')} }`);
  }
  if (h.owner) out.push(`owner: ${scalar(h.owner)}`);
  if (h.version) out.push(`version: ${scalar(h.version, { quote: true })}`);
  if (h.framework) out.push(`framework: ${h.framework}`);
  if (h.catalog) out.push(`catalog: ${scalar(h.catalog)}`);
  writeBody(body, '', out);
  return out.join('\n') + '\n';
}
