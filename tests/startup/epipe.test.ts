import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

/** Run `hrss-std args | head -1` in a shell, as a user does; pipefail gives hrss-std's exit code. */
function pipedToHead(args: string[]) {
  const cmd = `set -o pipefail; "${process.execPath}" "${BIN}" ${args.join(' ')} 2>"$ERRFILE" | head -1 >/dev/null; echo "rc=$?"; cat "$ERRFILE"`;
  const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ERRFILE: `${ROOT}/.epipe-${process.pid}.err` } });
  spawnSync('rm', ['-f', `${ROOT}/.epipe-${process.pid}.err`]);
  return r.stdout;
}

describe('output piped to a reader that stops early (EPIPE)', () => {
  it('rules | head -1: no stack trace, exit 0', () => {
    const out = pipedToHead(['rules']);
    expect(out).toMatch(/^rc=0\n/);
    expect(out).not.toMatch(/EPIPE|Unhandled|at .*\.js/);
  });

  it('validate -f json | head -1 on a large report: no stack trace, the exit code validate decided', () => {
    // the bundled sample is clean (exit 0); the JSON report is larger than a pipe buffer
    const out = pipedToHead(['validate', 'systems/zhanjiang', '-f', 'json']);
    expect(out).toMatch(/^rc=[01]\n/);
    expect(out).not.toMatch(/EPIPE|Unhandled|at .*\.js/);
  });

  it('a stream closed before the first write (spawned with the read end already closed)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" rules --lang en 2>&1 >&- ; true`], { cwd: ROOT, encoding: 'utf8' });
    // stdout closed (EBADF rather than EPIPE): still no Node stack trace
    expect(r.stdout).not.toMatch(/Unhandled 'error' event|node:internal/);
  });
});
