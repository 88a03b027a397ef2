#!/usr/bin/env node
// Entry point: runs the compiled CLI (dist/), built by `npm run build` / on `npm ci` via prepare.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '-V' || args[0] === '--version')) {
  // A lone --version prints what commander would print, without loading the CLI (start-up time).
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  import('../dist/cli.js')
    .then(({ main }) => main(process.argv))
    .then((code) => {
      process.exitCode = code;
    });
}
