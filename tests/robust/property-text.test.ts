import { describe, it } from 'vitest';
import { textMutation } from './mutate.js';
import { validateNeverBreaks } from './property-lib.js';

describe('property: text damage to the bundled system never breaks validate()', () => {
  it('truncation, pasted unicode and controls, lost and doubled lines, non-UTF-8 bytes', () => {
    validateNeverBreaks(textMutation, 500);
  }, 300_000); // 500 random cases here and 500 more in property-text-b.test.ts: two files run side by side
});
