#!/usr/bin/env node
// Entry point: runs the compiled CLI (dist/), built by `npm run build` / on `npm ci` via prepare.
import { main } from '../dist/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
