/**
 * JUnit reports checked by a real XSD engine: libxml2's xmllint (Debian: libxml2-utils) against
 * tests/fixtures/junit/*.xsd, and against any further schemas named in HRSS_JUNIT_XSD (paths
 * separated by ":"; e.g. a local copy of Jenkins xunit-plugin's junit-10.xsd, see the README
 * there). A missing xmllint is an error, never a skip: a run without it would test nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/junit/', import.meta.url));
export const XMLLINT = process.env.HRSS_STD_XMLLINT ?? 'xmllint';

export function junitSchemas(): string[] {
  const own = readdirSync(FIXTURES).filter((f) => f.endsWith('.xsd')).sort().map((f) => path.join(FIXTURES, f));
  const extra = (process.env.HRSS_JUNIT_XSD ?? '').split(':').filter(Boolean);
  return [...own, ...extra];
}

function xmllint(args: string[]) {
  const r = spawnSync(XMLLINT, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    throw new Error(`the JUnit tests need xmllint (Debian: apt-get install -y libxml2-utils; or set HRSS_STD_XMLLINT): ${r.error.message}. NOT skipping: these tests fail without it.`);
  }
  return r;
}

/**
 * Validates each document against every JUnit schema; returns xmllint's complaints ('' when all
 * are valid), each line naming the document (its key) and the schema.
 */
export function junitSchemaErrors(docs: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-junit-'));
  try {
    const files = Object.entries(docs).map(([name, xml], i) => {
      const file = path.join(dir, `${i}.xml`);
      writeFileSync(file, xml);
      return { name, file };
    });
    const problems: string[] = [];
    for (const xsd of junitSchemas()) {
      const r = xmllint(['--noout', '--schema', xsd, ...files.map((f) => f.file)]);
      const lines = r.stderr.split('\n').filter((l) => l && !/ validates$/.test(l));
      for (const f of files) {
        for (const l of lines) if (l.startsWith(f.file)) problems.push(`${path.basename(xsd)} ${f.name}: ${l.slice(f.file.length)}`);
      }
      if (r.status !== 0 && lines.length === 0) problems.push(`${path.basename(xsd)}: xmllint exit ${r.status}`);
      if (r.status === 0 && lines.length > 0) problems.push(...lines.map((l) => `${path.basename(xsd)}: ${l}`));
    }
    return problems.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws with xmllint's words unless `xml` is valid against every JUnit schema. */
export function expectJunitValid(xml: string): void {
  const problems = junitSchemaErrors({ report: xml });
  if (problems) throw new Error(problems);
}

/** What an XML consumer reads: the string value of an XPath expression, as libxml2 parses the document. */
export function xpathString(xml: string, expr: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hrss-std-junit-'));
  try {
    const file = path.join(dir, 'r.xml');
    writeFileSync(file, xml);
    const r = xmllint(['--xpath', `string(${expr})`, file]);
    if (r.status !== 0) throw new Error(`xmllint --xpath ${expr}: ${r.stderr}`);
    // xmllint ends the printed string with one line break of its own
    return r.stdout.replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
