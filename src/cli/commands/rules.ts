import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { configOrExit, resolveLang, type GlobalOptions } from '../common.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('列出全部规则及其严重级别 / list every rule with its severity')
    .option('--format <name>', 'text | json | markdown', 'text')
    .action(async (opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const config = await configOrExit(process.cwd(), g);
      const lang = resolveLang(g, config);
      const { RULES } = await import('../../rules/index.js');
      const rows = RULES.map((r) => ({
        id: r.id,
        default: r.severity,
        severity: config.rules[r.id] ?? r.severity,
        description: t(r.description, lang),
        docs: t(r.docs, lang),
      }));
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else if (opts.format === 'markdown') {
        const head = lang === 'zh' ? '| 规则 | 默认级别 | 说明 |\n|---|---|---|' : '| rule | default | description |\n|---|---|---|';
        process.stdout.write(head + '\n' + rows.map((r) => `| \`${r.id}\` | ${r.default} | ${r.description} |`).join('\n') + '\n');
      } else {
        const w = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) {
          const sev = r.severity === r.default ? r.severity : `${r.severity} (${lang === 'zh' ? '默认' : 'default'} ${r.default})`;
          process.stdout.write(`${r.id.padEnd(w)}  ${sev.padEnd(8)}  ${r.description}\n`);
        }
      }
    });
}
