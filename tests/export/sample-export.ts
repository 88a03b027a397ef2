import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { runCli } from '../helpers.js';
import { SAMPLE } from './helpers.js';

export interface SampleExport {
  /** the folder holding zhanjiang.xlsx and zhanjiang.docx */
  dir: string;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The bundled sample exported once per `npm test` (`hrss-std export systems/zhanjiang -o DIR`, both
 * files, TZ=Asia/Shanghai), shared by the test files that only read what it writes: a Word export
 * lays out every page and costs ~2 s of CPU, and four files read the same one. The first caller
 * runs the export; the others (in other workers) wait for its result. The folder is this run's
 * (tests/global-setup.ts provides it), so a result is never reused from an earlier run.
 */
export async function sampleExport(): Promise<SampleExport> {
  const root = path.join(inject('runDir'), 'sample-export');
  const dir = path.join(root, 'out');
  const done = path.join(root, 'result.json');
  let mine = false;
  try {
    mkdirSync(root); // atomic: exactly one caller makes it
    mine = true;
  } catch {
    /* another test file is exporting, or has */
  }
  if (mine) {
    mkdirSync(dir);
    const r = runCli(['export', SAMPLE, '-o', dir], { env: { TZ: 'Asia/Shanghai' } });
    writeFileSync(`${done}.tmp`, JSON.stringify({ dir, ...r }));
    renameSync(`${done}.tmp`, done);
  }
  for (let waited = 0; !existsSync(done); waited += 50) {
    if (waited > 110_000) throw new Error(`the shared sample export did not finish (${root})`);
    await sleep(50);
  }
  return JSON.parse(readFileSync(done, 'utf8')) as SampleExport;
}

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}
