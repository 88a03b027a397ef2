import type { Rule } from './types.js';
import { stageRules } from './stage.js';
import { numberFormat } from './number-format.js';
import { numberCanonical } from './number-canonical.js';
import { numberUnusual } from './number-unusual.js';
import { unknownIndustryCode } from './unknown-industry-code.js';
import { levelMismatch } from './level-mismatch.js';
import { yearMismatch } from './year-mismatch.js';
import { dateOrder } from './date-order.js';
import { statusDate } from './status-date.js';
import { statusReplaced } from './status-replaced.js';
import { titleMismatch } from './title-mismatch.js';
import { duplicateNumber } from './duplicate-number.js';
import { duplicateCode } from './duplicate-code.js';
import { codeHierarchy } from './code-hierarchy.js';
import { frameworkStructure } from './framework-structure.js';
import { emptySubsystem } from './empty-subsystem.js';
import { documentIncomplete } from './document-incomplete.js';
import { reviewDue } from './review-due.js';
import { missingReference } from './missing-reference.js';
import { unknownService } from './unknown-service.js';
import { priority } from './priority.js';
import { serviceGap } from './service-gap.js';
import { textCharacters } from './text-characters.js';

/** Every rule, in documentation order. Add a rule: one file in this folder, one line here. */
export const RULES: Rule[] = [
  ...stageRules,
  // the standard number
  numberFormat,
  numberCanonical,
  numberUnusual,
  unknownIndustryCode,
  levelMismatch,
  // dates and status
  yearMismatch,
  dateOrder,
  statusDate,
  statusReplaced,
  titleMismatch,
  reviewDue,
  // the structure of the system
  duplicateNumber,
  duplicateCode,
  codeHierarchy,
  frameworkStructure,
  emptySubsystem,
  missingReference,
  // services and coverage (priority and service-gap come from the coverage engine)
  unknownService,
  priority,
  serviceGap,
  // what the exported files can hold, and the 编制说明 (what the Word document still lacks)
  textCharacters,
  documentIncomplete,
];

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
