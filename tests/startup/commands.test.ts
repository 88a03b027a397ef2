import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandOf } from '../../src/cli/index.js';

// main() registers only the command argv names (commandOf), to start faster. Parsing, help and
// usage errors must be exactly those of the program with every command registered.

/** Parse argv with actions replaced by a recorder and commander's output captured. */
async function outcome(program: Command, argv: string[]) {
  const events: unknown[] = [];
  const wire = (c: Command, pathName: string) => {
    c.configureOutput({ writeOut: (s) => events.push(['out', s]), writeErr: (s) => events.push(['err', s]), outputError: (s, write) => write(s) });
    if (!c.commands.length) {
      c.action((...args: unknown[]) => {
        const cmd = args.at(-1) as Command;
        events.push(['action', pathName, args.slice(0, -2), cmd.opts(), cmd.optsWithGlobals()]);
      });
    }
    for (const sub of c.commands) wire(sub, `${pathName} ${sub.name()}`);
  };
  for (const c of program.commands) wire(c, c.name());
  program.configureOutput({ writeOut: (s) => events.push(['out', s]), writeErr: (s) => events.push(['err', s]) });
  try {
    await program.parseAsync(argv);
    events.push(['ok']);
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    events.push(['exit', e.exitCode, e.code, e.message]);
  }
  return events;
}

const CASES: string[][] = [
  ['validate'],
  ['validate', 'systems/zhanjiang', '-f', 'json', '-o', 'r.json', '--max-warnings', '3', '-q'],
  ['--lang', 'en', 'validate', '--fix-dry-run', 'a', 'b'],
  ['-c', 'x.yaml', '--no-color', 'validate', '--help'],
  ['--config', 'x.yaml', 'validate', '--nope'],
  ['validate', '--formt', 'json'],
  ['validate', '-f'],
  ['validate', '--lang', 'en', '--no-color', 'x'],
  ['rules', '--format', 'json'],
  ['rules', 'extra'],
  ['init', 'demo', '--framework', 'gbt24421', '--region', '440800'],
  ['init', '--help'],
  ['import', 'a.xlsx', '-o', 'out/', '--sheet', '明细表'],
  ['import'],
  ['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--exit-code'],
  ['diff'],
  ['gaps', 'systems/zhanjiang', '--min-coverage', '40%', '-f', 'csv'],
  ['gaps', '-h'],
  ['catalog'],
  ['catalog', 'show', 'P07'],
  ['catalog', 'list', '-f', 'json', '--catalog', 'x.yaml'],
  ['catalog', 'import', 'a.csv', '--id', 'gd', '--confirmed'],
  ['catalog', 'nope'],
  ['catalog', '--help'],
  ['export', 'systems/zhanjiang', '--xlsx', 'a.xlsx', '--docx', '--force', '--date', '2024-01-01'],
  ['export', '--help'],
  ['assess', 'systems/zhanjiang', '-f', 'markdown', '--date', '2026-12-04', '--assessor', '张三'],
  ['assess', '--help'],
  ['export', 'systems/zhanjiang', '--xlsx', '--assess', '--assessor', '张三', '--date', '2026-12-04'],
  ['assess', '--nope'],
  ['--lang'],
  ['--lang', 'en'],
];

describe('registering only the command argv names', () => {
  it('finds the command after the global options, and only when it is plain', () => {
    const argv = (...a: string[]) => ['node', 'hrss-std', ...a];
    expect(commandOf(argv('validate', 'x'))).toBe('validate');
    expect(commandOf(argv('--lang', 'en', '-c', 'f.yaml', '--no-color', 'gaps'))).toBe('gaps');
    expect(commandOf(argv('--config', 'validate', 'export'))).toBe('export');
    for (const other of [[], ['--help'], ['help', 'validate'], ['valdate'], ['completion', 'bash'], ['--lang=en', 'validate'], ['-cx.yaml', 'validate'], ['--lang'], ['-V', 'validate']]) {
      expect(commandOf(argv(...other)), other.join(' ')).toBeUndefined();
    }
  });

  it('parses, helps and fails exactly like the program with every command', async () => {
    for (const args of CASES) {
      const argv = ['node', 'hrss-std', ...args];
      const only = commandOf(argv);
      const full = await outcome(buildProgram(), argv);
      const lean = await outcome(buildProgram(only), argv);
      expect(lean, args.join(' ')).toEqual(full);
    }
  });

  it('leaves every command with the same help when registered alone', () => {
    const full = buildProgram();
    for (const c of full.commands) {
      const alone = buildProgram(c.name());
      expect(alone.commands.map((x) => x.name())).toEqual([c.name()]);
      expect(alone.commands[0]!.helpInformation()).toBe(c.helpInformation());
      for (const sub of c.commands) expect(alone.commands[0]!.commands.find((x) => x.name() === sub.name())!.helpInformation()).toBe(sub.helpInformation());
    }
  });
});
