import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

// The bundled data (data/*.yaml) is also written as JSON by the build (scripts/build-data.js →
// dist/generated/), read at start-up instead of parsing the YAML. The YAML stays the source of
// truth: the JSON must hold exactly the parsed YAML, and must be ignored when it does not match.

type Generated = { text: string; maxDepth: number; maxAliases: number; value: unknown; source: string };
type BuildData = {
  generate: (file: string) => Promise<{ data?: Generated; skipped?: string }>;
  dataFiles: () => string[];
};

const SAMPLE = 'systems/zhanjiang';

// tests/global-setup.ts builds as npm run build does, the JSON included

afterEach(() => {
  delete process.env.HRSS_STD_DATA_JSON;
});

// fresh() below reloads modules; leave no mix of old and new copies to a test file run after this one in the same worker
afterAll(() => {
  vi.resetModules();
});

/** A fresh copy of the loaders (their caches are per module instance), with the JSON on or off. */
async function fresh(json: boolean) {
  vi.resetModules();
  if (json) delete process.env.HRSS_STD_DATA_JSON;
  else process.env.HRSS_STD_DATA_JSON = '0';
  const catalog = await import('../../src/catalog/load.js');
  const known = await import('../../src/data/known.js');
  const config = await import('../../src/config/config.js');
  return { ...catalog, ...known, ...config };
}

describe('generated JSON copies of data/*.yaml', () => {
  it('hold exactly what js-yaml (core schema) parses from each file, and its text', async () => {
    const { generate, dataFiles } = (await import(path.join(ROOT, 'scripts/build-data.js'))) as BuildData;
    const { generatedPath } = await import('../../src/data/known.js');
    const files = dataFiles();
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['hrss-basic.catalog.yaml', 'known-standards.yaml']));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const g = await generate(file);
      expect(g.skipped).toBeUndefined();
      const parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA });
      expect(g.data!.value).toStrictEqual(parsed);
      expect(JSON.parse(JSON.stringify(g.data!.value))).toStrictEqual(parsed);
      expect(g.data!.text).toBe(text.replace(/^\ufeff/, ''));
      expect(g.data!.source).toBe(`data/${path.basename(file)}`);
      // what the build wrote is what generate() makes now
      expect(JSON.parse(readFileSync(generatedPath(file), 'utf8'))).toStrictEqual(g.data);
    }
  });

  it('record the smallest depth and alias limits the YAML loader accepts the file with', async () => {
    const { generate, dataFiles } = (await import(path.join(ROOT, 'scripts/build-data.js'))) as BuildData;
    const { parseYaml } = await import('../../src/load/yaml.js');
    for (const file of dataFiles()) {
      const g = (await generate(file)).data!;
      const src = { abs: file, display: file, text: readFileSync(file, 'utf8') };
      expect(() => parseYaml(src, { maxDepth: g.maxDepth, maxAliases: g.maxAliases })).not.toThrow();
      expect(() => parseYaml(src, { maxDepth: g.maxDepth - 1, maxAliases: 1e9 })).toThrow(/./);
      if (g.maxAliases > 0) expect(() => parseYaml(src, { maxDepth: 1000, maxAliases: g.maxAliases - 1 })).toThrow(/./);
    }
  });

  it('are used only when generated from the current text', async () => {
    const { generatedFor } = await import('../../src/data/known.js');
    const file = path.join(ROOT, 'data/known-standards.yaml');
    const text = readFileSync(file, 'utf8');
    expect(generatedFor(file, text)?.value).toBeDefined();
    expect(generatedFor(file, `\ufeff${text}`)?.value).toBeDefined(); // a BOM is not content
    expect(generatedFor(file, text.replace('standards:', 'standards: '))).toBeUndefined();
    expect(generatedFor(path.join(ROOT, 'data/no-such.yaml'), text)).toBeUndefined();
  });
});

describe('loading the built-in data from JSON or from YAML', () => {
  it('gives the same known standards', async () => {
    const a = (await fresh(true)).knownStandards();
    const b = (await fresh(false)).knownStandards();
    expect(a).toStrictEqual(b);
    expect(a.byNumber.size).toBeGreaterThan(10);
  });

  it('gives the same built-in catalog', async () => {
    const opts = (m: Awaited<ReturnType<typeof fresh>>) => ({ limits: m.DEFAULT_LIMITS, cwd: ROOT });
    const j = await fresh(true);
    const a = j.loadCatalog('hrss-basic', ROOT, opts(j));
    const y = await fresh(false);
    const b = y.loadCatalog('hrss-basic', ROOT, opts(y));
    expect(a.catalog).toBeDefined();
    expect(a.catalog!.file.positions).toBeUndefined(); // read from the JSON
    expect(b.catalog!.file.positions).toBeDefined(); // parsed from the YAML
    // the YAML path also indexes the positions of every node, which nothing reads for a valid built-in catalog
    const strip = (c: typeof a) => ({ ...c, catalog: c.catalog && { ...c.catalog, file: { ...c.catalog.file, positions: undefined } } });
    expect(strip(a)).toStrictEqual(strip(b));
  });

  it('falls back to the YAML, with the same findings, when a limit is below what the file needs', async () => {
    for (const limits of [{ maxDepth: 3 }, { maxFileBytes: 1000 }]) {
      const j = await fresh(true);
      const a = j.loadCatalog('hrss-basic', ROOT, { limits: { ...j.DEFAULT_LIMITS, ...limits }, cwd: ROOT });
      const y = await fresh(false);
      const b = y.loadCatalog('hrss-basic', ROOT, { limits: { ...y.DEFAULT_LIMITS, ...limits }, cwd: ROOT });
      expect(a.catalog).toBeUndefined();
      expect(a.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(a.findings.map((f) => [f.rule, f.finding.message, f.finding.at.offset]))).toBe(
        JSON.stringify(b.findings.map((f) => [f.rule, f.finding.message, f.finding.at.offset])),
      );
    }
  });

  it('makes no difference to the CLI', () => {
    for (const args of [
      ['validate', SAMPLE, '-f', 'json'],
      ['validate', SAMPLE],
      ['gaps', SAMPLE, '-f', 'json'],
      ['catalog', 'list', '-f', 'json'],
      ['catalog', 'show', 'P07'],
    ]) {
      const a = runCli(args);
      const b = runCli(args, { env: { HRSS_STD_DATA_JSON: '0' } });
      expect(a, args.join(' ')).toEqual(b);
    }
  });
});
