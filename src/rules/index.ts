import type { Rule } from './types.js';
import { stageRules } from './stage.js';
import { emptySubsystem } from './empty-subsystem.js';

/** Every rule, in documentation order. Add a rule: one file in this folder, one line here. */
export const RULES: Rule[] = [
  ...stageRules,
  emptySubsystem,
];

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
