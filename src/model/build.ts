import type { SourceFile } from '../load/source.js';

/** Resolves `include:` paths: relative to the including file, inside the system folder, no loops. */
export interface IncludeResolver {
  (node: Record<string, unknown>, from: SourceFile): { file: SourceFile; raw: Record<string, unknown> } | undefined;
}
import {
  LEVEL_ALIASES, STATUS_ALIASES,
  type Framework, type StandardEntry, type StandardSystem, type SubsystemNode,
} from './types.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Shared by every row without the list; frozen, so a stray push fails loudly. */
const NO_STRINGS = Object.freeze([]) as unknown as string[];
/** The strings of a YAML list: the parsed array itself when it holds only strings (the model is read-only). */
const strList = (v: unknown): string[] => {
  if (!Array.isArray(v)) return NO_STRINGS;
  for (const x of v) if (typeof x !== 'string') return v.filter((y): y is string => typeof y === 'string');
  return v as string[];
};
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Turn parsed YAML into the model. Tolerant by design: shapes the schema stage
 * already reported are skipped, so the rules can still check everything else.
 */
export function buildSystem(
  raw: Record<string, unknown>,
  file: SourceFile,
  dir: string,
  files: SourceFile[],
  resolveInclude: IncludeResolver,
  active: string[],
): StandardSystem {
  const fw = str(raw.framework);
  const region = isMap(raw.region) ? { name: str(raw.region.name), code: str(raw.region.code) } : undefined;
  const system: StandardSystem = {
    id: str(raw.id) ?? '',
    title: str(raw.title) ?? '',
    region,
    owner: str(raw.owner),
    version: str(raw.version),
    description: str(raw.description),
    document: isMap(raw.document)
      ? {
          organization: str(raw.document.organization),
          drafters: strList(raw.document.drafters),
          date: str(raw.document.date),
          basis: strList(raw.document.basis),
          process: str(raw.document.process),
          consultation: str(raw.document.consultation),
          maintenance: str(raw.document.maintenance),
        }
      : undefined,
    framework: fw === 'gbt24421' || fw === 'zhanjiang-7' ? (fw as Framework) : 'none',
    catalogRef: str(raw.catalog),
    subsystems: [],
    standards: [],
    raw,
    file,
    dir,
    files,
  };
  let order = 0;
  // Root-level rows hang off a synthetic node so every row has a parent.
  const rootNode: SubsystemNode = {
    kind: 'node', code: '', title: system.title, subsystems: [], standards: [], depth: 0, raw, file,
  };

  const buildStandard = (r: Record<string, unknown>, f: SourceFile, parent: SubsystemNode): StandardEntry => {
    const number = str(r.number)?.trim() || undefined;
    const levelRaw = str(r.level);
    const statusRaw = str(r.status);
    const status = (statusRaw && STATUS_ALIASES[statusRaw]) || (number ? 'current' : 'planned');
    const adopted = isMap(r.adopted) && typeof r.adopted.ref === 'string' ? { ref: r.adopted.ref, degree: str(r.adopted.degree) } : undefined;
    return {
      kind: 'standard',
      code: str(r.code),
      number,
      title: str(r.title) ?? '',
      level: levelRaw ? LEVEL_ALIASES[levelRaw] : undefined,
      status,
      statusStated: !!(statusRaw && STATUS_ALIASES[statusRaw]),
      published: str(r.published),
      effective: str(r.effective),
      reviewed: str(r.reviewed),
      department: str(r.department),
      services: strList(r.services),
      replaces: strList(r.replaces),
      replacedBy: str(r.replaced_by),
      adopted,
      references: strList(r.references),
      justification: str(r.justification),
      note: str(r.note),
      due: str(r.due),
      undertaker: str(r.undertaker),
      funding: str(r.funding),
      raw: r,
      file: f,
      parent,
      order: order++,
      parsedNumber: undefined,
      numberFields: undefined, // the slot of rules/number-fields.ts (declared there): one object shape from the start
    };
  };

  const fillBody = (node: SubsystemNode, body: Record<string, unknown>, f: SourceFile) => {
    if (Array.isArray(body.standards)) {
      for (const s of body.standards) if (isMap(s)) node.standards.push(buildStandard(s, f, node));
    }
    if (Array.isArray(body.subsystems)) {
      for (const n of body.subsystems) if (isMap(n)) node.subsystems.push(buildNode(n, f, node));
    }
  };

  const buildNode = (r: Record<string, unknown>, f: SourceFile, parent: SubsystemNode | undefined): SubsystemNode => {
    const node: SubsystemNode = {
      kind: 'node',
      code: typeof r.code === 'string' ? r.code : r.code !== undefined ? String(r.code) : '',
      title: str(r.title) ?? '',
      description: str(r.description),
      include: str(r.include),
      subsystems: [],
      standards: [],
      parent: parent && parent !== rootNode ? parent : undefined,
      depth: parent && parent !== rootNode ? parent.depth + 1 : 1,
      raw: r,
      file: f,
    };
    fillBody(node, r, f);
    const inc = resolveInclude(r, f);
    if (inc) {
      node.bodyFile = inc.file;
      node.bodyRaw = inc.raw;
      if (!node.description) node.description = str(inc.raw.description);
      active.push(inc.file.abs);
      fillBody(node, inc.raw, inc.file);
      active.pop();
    }
    return node;
  };

  if (Array.isArray(raw.standards)) {
    for (const s of raw.standards) if (isMap(s)) system.standards.push(buildStandard(s, file, rootNode));
  }
  if (Array.isArray(raw.subsystems)) {
    for (const n of raw.subsystems) if (isMap(n)) system.subsystems.push(buildNode(n, file, rootNode));
  }
  return system;
}
