import { beforeAll, describe, it } from 'vitest';
import { runCliMany, type CliRun } from '../helpers.js';
import { caseArgs, checkResult, copyCase, corpusCases, readExpect } from './corpus.js';

/**
 * Every folder of tests/fixtures/bad is a broken input that office users
 * really produce; expect.json says which rule reports it, where, and the exit
 * code. The CLI must answer each with a located message, never a stack trace.
 * The cases run in one CLI process (runCliMany), in the order listed, so state kept
 * from one input to the next would show up here too.
 */
const cases = corpusCases();
const results = new Map<string, CliRun>();

beforeAll(() => {
  const runs = cases.map((name) => ({ name, cwd: copyCase(name), args: caseArgs(readExpect(name)) }));
  runCliMany(runs).forEach((r, i) => results.set(runs[i]!.name, r));
}, 120_000);

describe('bad-input corpus (tests/fixtures/bad)', () => {
  for (const name of cases) {
    it(name, () => {
      checkResult(results.get(name)!, readExpect(name));
    });
  }
});
