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

/** A rule module, in the manner of ESLint's: data plus one pure function. */
export interface Rule {
  id: string;
  severity: Severity;
  description: Text;
  /** longer documentation: what it checks, why, how to fix (Markdown) */
  docs: Text;
  /**
   * `stage` rules are reported by the loader (syntax, schema, includes, files);
   * they have no `check` and are listed for documentation and configuration.
   */
  check?: (ctx: RuleContext) => Finding[];
}
