#!/usr/bin/env node
// `npm run docs:rules` (after tsc): writes docs/rules.md from the rule modules (src/rules/<id>.ts,
// the load-stage rules in src/rules/stage.ts) and the introduction docs/rules.intro.md, and the
// rule table of README.md (between its rules:begin and rules:end lines), with the renderer that
// `hrss-std rules --format markdown` uses (src/rules/docs.ts, from the tsc build), so the files and
// the command cannot disagree. tests/rules/docs.test.ts fails when either file is stale.
//
// usage: node scripts/rule-docs.js [--check]   (--check: write nothing, exit 1 when a file is stale)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const dist = (rel) => import(pathToFileURL(path.join(REPO, 'dist', rel)).href);
const { rulesDoc, withRuleTable } = await dist('rules/docs.js');
const { RULES } = await dist('rules/index.js');

const check = process.argv.includes('--check');
let stale = false;
for (const [rel, make] of [
  ['docs/rules.md', () => rulesDoc(REPO)],
  ['README.md', (old) => withRuleTable(old, RULES)],
]) {
  const file = path.join(REPO, rel);
  const old = readFileSync(file, 'utf8');
  const text = make(old);
  if (old === text) {
    if (!check) process.stdout.write(`${rel} is up to date\n`);
  } else if (check) {
    process.stderr.write(`${rel} is not what the rule modules give: run \`npm run docs:rules\`\n`);
    stale = true;
  } else {
    writeFileSync(file + '.tmp', text);
    renameSync(file + '.tmp', file);
    process.stdout.write(`${rel} written\n`);
  }
}
if (stale) process.exit(1);
