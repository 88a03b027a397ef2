import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { configOrExit, resolveLang, type GlobalOptions } from '../common.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('列出全部规则及其严重级别 / list every rule with its severity')
    .option('-f, --format <name>', 'text | json | markdown', 'text')
    .action(async (opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const config = await configOrExit(process.cwd(), g);
      const lang = resolveLang(g, config);
      if (opts.format === 'markdown') {
        // docs/rules.md itself, from the same renderer as `npm run docs:rules` (both languages, default severities)
        const { rulesDoc } = await import('../../rules/docs.js');
        process.stdout.write(rulesDoc());
        return;
      }
      const { RULES } = await import('../../rules/index.js');
      const rows = RULES.map((r) => ({
        id: r.id,
        default: r.severity,
        severity: config.rules[r.id] ?? r.severity,
        description: t(r.description, lang),
        docs: t(r.docs, lang),
        ...(r.pointsAt ? { pointsAt: t(r.pointsAt, lang) } : {}),
        ...(r.example ? { example: r.example } : {}),
        ...(r.notReported ? { notReported: r.notReported.map((g) => ({ values: g.values, why: t(g.why, lang) })) } : {}),
        stage: !r.check,
      }));
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else {
        const w = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) {
          const sev = r.severity === r.default ? r.severity : `${r.severity} (${lang === 'zh' ? '默认' : 'default'} ${r.default})`;
          process.stdout.write(`${r.id.padEnd(w)}  ${sev.padEnd(8)}  ${r.description}\n`);
        }
      }
    });
}
