import { parseStandardNumber, type ParseResult } from '../numbers/index.js';
import type { Level, StandardEntry } from './types.js';

/** The parse of a row's number, computed once per row (many rules and exporters ask). */
export function parsedNumber(entry: StandardEntry): ParseResult | undefined {
  let r = entry.parsedNumber;
  if (r === undefined) r = entry.parsedNumber = entry.number ? parseStandardNumber(entry.number) : null;
  return r ?? undefined;
}

/**
 * The level used in statistics and coverage: the one the number says when it
 * parses, else the stated level (宜定级别 of planned rows).
 */
export function effectiveLevel(entry: StandardEntry): Level | undefined {
  const p = parsedNumber(entry);
  return p?.number?.level ?? entry.level;
}

/** Canonical number for display/identity, or the number as written when it does not parse. */
export function displayNumber(entry: StandardEntry): string | undefined {
  const p = parsedNumber(entry);
  return p?.number?.canonical ?? entry.number;
}
