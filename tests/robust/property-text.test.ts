import { describe, it } from 'vitest';
import { textMutation } from './mutate.js';
import { validateNeverBreaks } from './property-lib.js';

describe('property: text damage to the bundled system never breaks validate()', () => {
  it('truncation, pasted unicode and controls, lost and doubled lines, non-UTF-8 bytes', () => {
    validateNeverBreaks(textMutation, 1000);
  }, 300_000); // ~25 s on an idle machine; generous for a loaded CI runner
});
