/**
 * The content model of the common JUnit XSD (Jenkins xunit-plugin junit-10.xsd, the schema most
 * CI dashboards validate against), written out as data: for each element its allowed and
 * required attributes and its allowed children. No XSD engine ships with Node, so this checks the
 * same constraints on a small tree parsed from the report.
 */
import { checkWellFormedXml } from './xml-check.js';

interface ElementRule { attrs: string[]; required: string[]; children: string[]; text?: boolean }

export const JUNIT_XSD: Record<string, ElementRule> = {
  testsuites: { attrs: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'], required: [], children: ['testsuite'] },
  testsuite: {
    attrs: ['name', 'tests', 'failures', 'errors', 'time', 'disabled', 'skipped', 'timestamp', 'hostname', 'id', 'package'],
    required: ['name', 'tests'],
    children: ['properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { attrs: [], required: [], children: ['property'] },
  property: { attrs: ['name', 'value'], required: ['name', 'value'], children: [] },
  testcase: {
    attrs: ['name', 'assertions', 'time', 'classname', 'status'],
    required: ['name'],
    children: ['skipped', 'error', 'failure', 'system-out', 'system-err'],
  },
  failure: { attrs: ['type', 'message'], required: [], children: [], text: true },
  error: { attrs: ['type', 'message'], required: [], children: [], text: true },
  skipped: { attrs: ['message'], required: [], children: [], text: true },
  'system-out': { attrs: [], required: [], children: [], text: true },
  'system-err': { attrs: [], required: [], children: [], text: true },
};

const INTEGER = new Set(['tests', 'failures', 'errors', 'disabled', 'skipped', 'assertions']);

/** Throws with the first violation of the JUnit XSD content model; the XML must be well-formed. */
export function checkJunitXsd(xml: string): void {
  checkWellFormedXml(xml);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, close, name, attrText, selfClosing] = m as unknown as [string, string, string, string, string];
    if (close) { stack.pop(); continue; }
    const rule = JUNIT_XSD[name];
    if (!rule) throw new Error(`element <${name}> is not in the JUnit XSD`);
    const parent = stack.at(-1);
    if (parent === undefined ? name !== 'testsuites' && name !== 'testsuite' : !JUNIT_XSD[parent]!.children.includes(name)) {
      throw new Error(`<${name}> not allowed in <${parent ?? '(root)'}>`);
    }
    const attrs = new Map([...attrText.matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    for (const [a, v] of attrs) {
      if (!rule.attrs.includes(a)) throw new Error(`attribute ${a} not allowed on <${name}>`);
      if (INTEGER.has(a) && !/^\d+$/.test(v)) throw new Error(`${a}="${v}" on <${name}> is not an integer`);
    }
    for (const a of rule.required) if (!attrs.has(a)) throw new Error(`<${name}> lacks required ${a}`);
    if (!selfClosing) stack.push(name);
  }
}
