/**
 * Worker thread of `validateParallel`: validates a share of the systems with the unchanged
 * pipeline and sends back only plain data (resolved diagnostics and counts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import { validateFiles } from './validate.js';

const { files, config, cwd } = workerData as { files: string[]; config: Config; cwd: string };
const r = validateFiles(files, [], config, cwd, { keepModels: false });
parentPort!.postMessage({ systems: r.systems, diagnostics: r.diagnostics, summary: r.summary, ioError: r.ioError });
