import type { Finding, Severity } from '../diagnostics/types.js';
import type { Text } from '../i18n/index.js';
import type { Catalog } from '../catalog/types.js';
import type { StandardSystem } from '../model/types.js';
import type { KnownStandards } from '../data/known.js';

/** What a rule may look at. Everything is read-only; rules are pure functions of it. */
export interface RuleContext {
  system: StandardSystem;
  /** the catalog the system is measured against, when one could be loaded */
  catalog?: Catalog;
  /** the built-in known-standards data (status, titles, replacements) */
  known: KnownStandards;
  /** YYYY-MM-DD the date-dependent rules measure against */
  today: string;
  reviewYears: number;
}

/**
 * A YAML fragment the rule reports and the same fragment corrected, shown under the rule in
 * docs/rules.md ("错误示例 / fault", "修正 / fix"). Write them with the `yaml` tag of helpers.ts,
 * indented like the module; a `#` comment on a line says what is wrong or what changed.
 */
export interface RuleExample {
  /**
   * Where the fragments go in a system (tests/rules/examples.test.ts runs them there): the keys of
   * one row (`row`), rows under a sub-system's `standards:` (`rows`), top-level sub-systems
   * (`nodes`), or the top of system.yaml (`system`).
   */
  in: 'row' | 'rows' | 'nodes' | 'system';
  /** the catalog the system names, for rules that check services against one */
  catalog?: string;
  bad: string;
  good: string;
}

/** Values the rule deliberately leaves alone, and why ("不报告 / not reported" in docs/rules.md). */
export interface NotReported {
  values: string[];
  why: Text;
}

/**
 * A rule module, in the manner of ESLint's: data plus one pure function. The data is the whole
 * documentation of the rule: docs/rules.md is generated from it (`npm run docs:rules`, src/rules/docs.ts).
 */
export interface Rule {
  id: string;
  severity: Severity;
  /** one line, no final full stop (the page adds 。 and .) */
  description: Text;
  /** longer documentation: what it checks, why, how to fix (Markdown, one paragraph per language) */
  docs: Text;
  /**
   * Which line a finding points at, so a reader knows where a disable comment goes ("位置 /
   * points at"); Markdown.
   */
  pointsAt?: Text;
  example?: RuleExample;
  notReported?: NotReported[];
  /**
   * `stage` rules are reported by the loader (syntax, schema, includes, files);
   * they have no `check` and are listed for documentation and configuration.
   */
  check?: (ctx: RuleContext) => Finding[];
}
