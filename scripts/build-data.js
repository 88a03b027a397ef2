#!/usr/bin/env node
// Build step (after tsc, part of `npm run build`): writes every data/*.yaml, parsed, as
// dist/generated/<name>.json, so the CLI reads the bundled catalog and known-standards data with
// JSON.parse instead of js-yaml at start-up (js-yaml on ~60 KB before the JIT has warmed up:
// 15–25 ms; JSON.parse: < 1 ms). The YAML stays the source of truth: each JSON holds the text it
// was made from and is ignored when that no longer matches the file (src/data/known.ts).
// tests/startup/data-json.test.ts checks that JSON and YAML agree.
//
// usage: node scripts/build-data.js [package root, default: this repository]
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The CLI's own YAML loader, hash and file names from the tsc build in `root`, so this cannot drift from them. */
async function cli(root) {
  const mod = (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
  return { ...(await mod('load/yaml.js')), ...(await mod('data/known.js')) };
}

const ROOMY = { maxDepth: 1_000, maxAliases: Number.MAX_SAFE_INTEGER };

/** Smallest n in [lo, hi] with ok(n), for a monotone ok. */
function smallest(lo, hi, ok) {
  if (ok(lo)) return lo;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The generated data for one data/*.yaml file, or why it has to stay YAML. */
export async function generate(yamlFile, root = REPO) {
  const { parseYaml, YamlSyntaxError, withoutBom } = await cli(root);
  const text = withoutBom(readFileSync(yamlFile, 'utf8'));
  const src = { abs: yamlFile, display: yamlFile, text };
  const parses = (limits) => {
    try {
      parseYaml({ ...src }, limits);
      return true;
    } catch (e) {
      if (e instanceof YamlSyntaxError && (e.reason === 'too-deep' || e.reason === 'too-many-aliases')) return false;
      throw e;
    }
  };
  const value = parseYaml({ ...src }, ROOMY);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) {
    return { skipped: 'its parsed value does not survive JSON (NaN, Infinity, -0 or the like)' };
  }
  return {
    data: {
      source: path.relative(root, yamlFile).split(path.sep).join('/'),
      text,
      // the JSON is used only under limits the YAML loader would accept the file with
      maxDepth: smallest(0, ROOMY.maxDepth, (d) => parses({ ...ROOMY, maxDepth: d })),
      maxAliases: smallest(0, ROOMY.maxAliases, (a) => parses({ ...ROOMY, maxAliases: a })),
      value,
    },
  };
}

export function dataFiles(root = REPO) {
  const dir = path.join(root, 'data');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
}

export async function buildData(root = REPO) {
  const { generatedPath, GENERATED_DIR } = await cli(root);
  mkdirSync(GENERATED_DIR, { recursive: true });
  const written = [];
  for (const file of dataFiles(root)) {
    const out = generatedPath(file);
    const g = await generate(file, root);
    if (g.skipped) {
      rmSync(out, { force: true });
      process.stderr.write(`build-data: ${path.relative(root, file)} is read as YAML: ${g.skipped}\n`);
      continue;
    }
    // write, then rename: a CLI starting meanwhile reads the old file or the new one, never half of one
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(g.data));
    renameSync(tmp, out);
    written.push(out);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildData(process.argv[2] ? path.resolve(process.argv[2]) : REPO);
}
