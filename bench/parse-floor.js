#!/usr/bin/env node
/**
 * The floor: read every YAML file of a repository and parse it with js-yaml (CORE_SCHEMA), nothing else.
 * No tool that reads these files can be much faster than this.
 * Usage: node bench/parse-floor.js <repo-dir>   (files: systems/<id>/*.yaml)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const repo = path.resolve(process.argv[2] ?? '.');
const base = path.join(repo, 'systems');
let docs = 0;
for (const sys of readdirSync(base).sort()) {
  for (const f of readdirSync(path.join(base, sys)).sort()) {
    if (!f.endsWith('.yaml')) continue;
    yaml.load(readFileSync(path.join(base, sys, f), 'utf8'), { schema: yaml.CORE_SCHEMA });
    docs++;
  }
}
process.stdout.write(`${docs} files parsed\n`);
