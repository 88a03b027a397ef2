import { describe, it } from 'vitest';
import { structuralMutation } from './mutate.js';
import { validateNeverBreaks } from './property-lib.js';

describe('property: structural damage to the bundled system never breaks validate()', () => {
  it('deleted and renamed keys, values of every type in every place', () => {
    validateNeverBreaks(structuralMutation, 500);
  }, 300_000); // 500 random cases here and 500 more in property-structure-b.test.ts: two files run side by side
});
