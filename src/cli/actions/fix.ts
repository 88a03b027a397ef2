import type { Config } from '../../config/config.js';
import type { Lang } from '../../i18n/index.js';
import { describeWriteError, WriteError } from '../../util/atomic.js';
import { UserError, EXIT } from '../common.js';
import { fixDiff, fixReport, planFiles, systemFiles } from '../../authoring/fix/run.js';
import { writeFixes } from '../write-files.js';
import { repositoryRoot } from '../../util/paths.js';

/**
 * `validate --fix` / `--fix-dry-run`. The report goes to stderr so that `-f json` output on stdout
 * stays machine-readable. A dry run prints the unified diff on stdout and ends the command:
 * exit 0 when nothing would change, 1 when fixes are pending (like `prettier --check`).
 * Returns true when the command is finished.
 */
export function runFix(paths: string[], config: Config, cwd: string, lang: Lang, dryRun: boolean): boolean {
  const fixes = planFiles(systemFiles(paths, config, cwd), cwd);
  if (dryRun) {
    process.stdout.write(fixDiff(fixes));
    process.stderr.write(fixReport(fixes, lang, true));
    process.exitCode = fixes.some((f) => f.applied.length) ? EXIT.FINDINGS : EXIT.OK;
    return true;
  }
  try {
    writeFixes(fixes, repositoryRoot(config.dir, config.dir));
  } catch (e) {
    if (e instanceof WriteError) throw new UserError(describeWriteError(e));
    throw e;
  }
  process.stderr.write(fixReport(fixes, lang, false));
  return false;
}
