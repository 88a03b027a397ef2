import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The official SARIF 2.1.0 JSON schema (OASIS, rtm.5), as shipped in the npm
 * package @microsoft/jest-sarif. It is draft-04: the only draft-04 construct it
 * uses is the top-level `id`, so it compiles under Ajv's draft-07 mode once
 * that is renamed to `$id`.
 */
export function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid under the u flag;
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  return ajv.compile(schema);
}
