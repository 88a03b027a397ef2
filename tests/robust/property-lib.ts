import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { validate } from '../../src/pipeline/validate.js';
import { FORMATTERS } from '../../src/report/index.js';
import { checkWellFormedXml } from '../report/xml-check.js';
import { edit, expectWellFormed, fcParams, sampleRepo, writeEdited, type Mutation } from './mutate.js';

/**
 * The property: whatever the edit, validate() returns (no exception), every
 * diagnostic is located, the summary (what the exit code is decided from) counts
 * exactly the findings reported, an I/O failure (exit 2) is reported as one, every
 * report format renders it, and the files read are left exactly as they were.
 */
export function validateNeverBreaks(mutation: fc.Arbitrary<Mutation>, numRuns: number): void {
  const dir = sampleRepo();
  const config = defaultConfig(dir);
  config.today = '2024-06-01';
  const file = (f: string) => path.join(dir, 'systems', 'z', f);
  fc.assert(
    fc.property(edit(mutation), (e) => {
      const written = writeEdited(dir, e);
      const result = validate([], config, dir);
      expectWellFormed(result.diagnostics);
      // the CLI's exit code comes from ioError and summary.errors (cli/commands/validate.ts): the summary
      // must count exactly what is reported, and the one system must still be there, however broken
      const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
      expect(result.summary).toMatchObject({ systems: 1, errors: count('error'), warnings: count('warning'), infos: count('info') });
      expect(result.systems.map((s) => s.file)).toEqual([path.join('systems', 'z', 'system.yaml')]);
      if (result.ioError) expect(result.diagnostics.some((d) => d.rule === 'file-error' || d.rule === 'include-error')).toBe(true);
      // a broken file is reported in that file (or in the file that includes it), never silently passed
      if (!written.equals(readFileSync(file(e.file)))) throw new Error('validate changed a file it read');
      for (const f of FORMATTERS) {
        const text = f.format({ diagnostics: result.diagnostics, summary: result.summary, lang: 'zh', color: false, toolVersion: '0.0.0' });
        if (f.name === 'json' || f.name === 'sarif') JSON.parse(text);
        if (f.name === 'junit') checkWellFormedXml(text);
      }
    }),
    fcParams(numRuns),
  );
}
