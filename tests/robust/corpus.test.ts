import { describe, it } from 'vitest';
import { checkCase, copyCase, corpusCases, readExpect } from './corpus.js';

/**
 * Every folder of tests/fixtures/bad is a broken input that office users
 * really produce; expect.json says which rule reports it, where, and the exit
 * code. The CLI must answer each with a located message, never a stack trace.
 */
describe('bad-input corpus (tests/fixtures/bad)', () => {
  for (const name of corpusCases()) {
    it(name, () => {
      checkCase(copyCase(name), readExpect(name));
    });
  }
});
