import { describe, it } from 'vitest';
import { structuralMutation } from './mutate.js';
import { validateNeverBreaks } from './property-lib.js';

describe('property: structural damage to the bundled system never breaks validate() (second half of the random cases)', () => {
  it('deleted and renamed keys, values of every type in every place', () => {
    validateNeverBreaks(structuralMutation, 500);
  }, 300_000); // the other 500 random cases are in property-structure.test.ts: two files run side by side
});
