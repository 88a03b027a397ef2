import type { Text } from '../i18n/index.js';
import type { SourceFile } from '../load/source.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/**
 * Where a finding points. Resolved to line:column lazily, only when reported,
 * so rules stay cheap on large systems.
 */
export interface Loc {
  file: SourceFile;
  /** the parsed mapping/sequence the finding is about; absent → `offset` or the file start */
  node?: object;
  /** a key of `node`; with `part` 'key' the key itself, otherwise its value */
  key?: string | number;
  part?: 'key' | 'value';
  /** explicit character offset (syntax errors) */
  offset?: number;
}

/** What a rule returns: data only, no severity (the runner applies config). */
export interface Finding {
  message: Text;
  hint?: Text;
  at: Loc;
  /** other places involved (the first occurrence of a duplicate, …) */
  related?: { at: Loc; message: Text }[];
  /** data for the formatters' JSON output (e.g. canonical number for --fix) */
  data?: Record<string, unknown>;
}

/** A located, severity-bearing, language-neutral finding. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  file: string;        // path relative to the working directory, forward slashes
  line: number;        // 1-based
  column: number;      // 1-based
  message: Text;
  hint?: Text;
  related?: { file: string; line: number; column: number; message: Text }[];
  data?: Record<string, unknown>;
}

/** A finding from the load/schema stages, tagged with its rule id. */
export interface StageFinding {
  rule: string;
  finding: Finding;
}
