import type { Formatter } from './types.js';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { t, type Lang } from '../i18n/index.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { messageWithHint } from './text.js';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';

/**
 * Where SARIF viewers link to (tool.driver.informationUri, each rule's helpUri). The package is
 * not published anywhere with a web address, so the links point at the documentation installed
 * with it (`files` ships docs/): file: URIs that open on the machine that made the report.
 */
export const INFORMATION_URI = pathToFileURL(path.join(PACKAGE_ROOT, 'README.md')).href;
const RULES_DOC = pathToFileURL(path.join(PACKAGE_ROOT, 'docs', 'rules.md')).href;
/** docs/rules.md has a `## \`id\`` heading per rule: GitHub-style anchors are the id itself. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC}#${encodeURIComponent(id)}`;
}

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A display path as a SARIF URI: relative paths stay relative (to %SRCROOT%, the
 * folder validate ran in), absolute ones become file: URIs; each segment is
 * percent-encoded, so spaces, `#` and Chinese file names are valid URI references.
 */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const segments = file.split('/');
  const drive = /^[A-Za-z]:$/.test(segments[0] ?? '');
  const enc = segments.map((s, i) => (i === 0 && drive ? s : encodeURIComponent(s))).join('/');
  if (file.startsWith('/')) return { uri: `file://${enc}` };
  if (drive) return { uri: `file:///${enc}` };
  return { uri: enc, uriBaseId: '%SRCROOT%' };
}

function location(file: string, line: number, column: number) {
  return { physicalLocation: { artifactLocation: artifactUri(file), region: { startLine: line, startColumn: column } } };
}

/** Markdown docs as plain text: drop the code backticks and emphasis marks. */
function plain(md: string): string {
  return md.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1');
}

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

/** A rule's help for a SARIF viewer (GitHub shows it under each alert): the docs, then its fault and fix examples as in docs/rules.md. */
function helpMarkdown(r: Rule, lang: Lang): string {
  const out = [t(r.docs, lang)];
  if (r.example) {
    const fence = (yaml: string) => '```yaml\n' + yaml.replace(/\n?$/, '\n') + '```';
    const [fault, fix] = lang === 'zh' ? ['错误示例', '修正'] : ['Fault', 'Fix'];
    out.push(`**${fault}**`, fence(r.example.bad), `**${fix}**`, fence(r.example.good));
  }
  return out.join('\n\n');
}

function ruleDescriptors(diagnostics: Diagnostic[], lang: Lang): RuleDescriptor[] {
  const out: RuleDescriptor[] = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: t(r.description, lang) },
    fullDescription: { text: plain(t(r.docs, lang)) },
    help: { text: plain(t(r.docs, lang)), markdown: helpMarkdown(r, lang) },
    helpUri: ruleHelpUri(r.id),
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  // Findings from outside the registry (e.g. the coverage engine) still need a descriptor for ruleIndex.
  const known = new Set(out.map((r) => r.id));
  const extra = [...new Set(diagnostics.map((d) => d.rule).filter((id) => !known.has(id)))].sort();
  for (const id of extra) {
    out.push({ id, shortDescription: { text: id }, fullDescription: { text: id }, help: { text: id, markdown: id }, helpUri: INFORMATION_URI, defaultConfiguration: { level: 'error' } });
  }
  return out;
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described, no timestamps. */
export const sarif: Formatter = {
  name: 'sarif',
  description: { zh: 'SARIF 2.1.0（GitHub 代码扫描等）', en: 'SARIF 2.1.0 (GitHub code scanning and other viewers)' },
  format({ diagnostics, lang, toolVersion }) {
    const rules = ruleDescriptors(diagnostics, lang);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const results = diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: index.get(d.rule)!,
      level: LEVEL[d.severity],
      message: { text: messageWithHint(d, lang) },
      locations: [location(d.file, d.line, d.column)],
      ...(d.related?.length
        ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.line, r.column), message: { text: t(r.message, lang) } })) }
        : {}),
    }));
    const log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'hrss-std',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // lines and columns are counted as editors count them (UTF-16 code units), the SARIF default
        columnKind: 'utf16CodeUnits',
        results,
      }],
    };
    return JSON.stringify(log, null, 2) + '\n';
  },
};
