#!/usr/bin/env node
// npm runs `prepare` on `npm install` in a checkout, on `npm install <folder>` / a git URL, on
// `npm ci` and before `npm pack`. Building needs the devDependencies (typescript, esbuild), which
// `npm ci --omit=dev` and some folder installs do not have: then this does not fail the install.
// - build tools present: `npm run build` (a checkout, `npm pack`: the tarball ships dist/);
// - no build tools, dist/ already built (a tarball, a built tree deployed with --omit=dev): nothing;
// - no build tools, no dist/: a note; bin/hrss-std.js prints the same note if it is run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(new URL('../package.json', import.meta.url));
const has = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

if (has('typescript') && has('esbuild')) {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
} else if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) {
  process.stderr.write(
    'hrss-std: 未构建（缺少 dist/），且未安装开发依赖 typescript/esbuild，无法构建。请在源码目录运行 `npm install && npm run build`，或安装已构建的包（npm pack 生成的 .tgz）。\n' +
    'hrss-std: not built (no dist/) and the devDependencies typescript/esbuild are not installed. Run `npm install && npm run build` in the checkout, or install a built package (a .tgz made by npm pack).\n',
  );
}
