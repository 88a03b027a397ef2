import { describe, it } from 'vitest';
import { structuralMutation } from './mutate.js';
import { validateNeverBreaks } from './property-lib.js';

describe('property: structural damage to the bundled system never breaks validate()', () => {
  it('deleted and renamed keys, values of every type in every place', () => {
    validateNeverBreaks(structuralMutation, 1000);
  }, 300_000); // ~25 s on an idle machine; generous for a loaded CI runner
});
