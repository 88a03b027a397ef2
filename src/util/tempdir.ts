import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary folders still alive; removed on exit and on SIGINT/SIGTERM/SIGHUP too. */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll() {
  for (const d of live) rmSync(d, { recursive: true, force: true });
  live.clear();
}

function onSignal(sig: NodeJS.Signals) {
  removeAll();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // re-raise with the default action, so the exit status still says which signal ended the run
  process.kill(process.pid, sig);
}

let installed = false;
function install() {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

export interface TempDir {
  dir: string;
  /** idempotent */
  remove: () => void;
}

/** A fresh private folder under the system temp folder, removed by `remove()` or at the latest when the process ends. */
export function makeTempDir(prefix: string): TempDir {
  install();
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  live.add(dir);
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
}

/**
 * Let a signal that arrived during synchronous work reach its listener above. Node runs signal
 * listeners from the event loop, which synchronous work never returns to, and a process that
 * then ends normally drops the signal: a SIGTERM (a cancelled CI job) during `diff` ended in
 * exit 0 after the whole run. One turn of the loop delivers it: the folders are removed and the
 * process ends by that signal. Call it between long synchronous steps.
 */
export function deliverSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
