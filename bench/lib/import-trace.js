// Preload (node --import ./bench/lib/import-trace.js …): prints every ESM module URL and CJS file loaded, to stderr,
// so `npm run bench` can report what `hrss-std --version` loads eagerly.
import { register } from 'node:module';
import Module from 'node:module';

register('data:text/javascript,' + encodeURIComponent(
  'export async function load(url, ctx, next) { process.stderr.write("[esm] " + url + "\\n"); return next(url, ctx); }',
));
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const r = origLoad.apply(this, arguments);
  try { process.stderr.write('[cjs] ' + Module._resolveFilename(request, parent, isMain) + '\n'); } catch { /* builtin */ }
  return r;
};
