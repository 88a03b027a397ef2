import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSystems, expandGlob } from '../../src/load/discover.js';
import { runCli, tempTree } from '../helpers.js';

const SYS = (id: string) => `id: ${id}\ntitle: 体系${id}\nsubsystems:\n  - code: "100"\n    title: 基础\n    standards:\n      - { title: 待制定, status: planned, level: local }\n`;

/** Systems at three depths, names chosen so that a plain string sort and a folder walk disagree. */
const nested = () =>
  tempTree({
    'systems/a/system.yaml': SYS('a'),
    'systems/a-b/system.yaml': SYS('ab'),
    'systems/city/zhanjiang/system.yaml': SYS('zj'),
    'systems/city/districts/chikan/system.yaml': SYS('ck'),
    'systems/.hidden/system.yaml': SYS('hidden'),
    'systems/city/notes.txt': '',
  });

const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('discovering system files', () => {
  it('** matches any depth, sorted folder by folder, without dot folders', () => {
    const dir = nested();
    expect(rel(dir, expandGlob('systems/**/system.yaml', dir))).toEqual([
      'systems/a/system.yaml',
      'systems/a-b/system.yaml',
      'systems/city/districts/chikan/system.yaml',
      'systems/city/zhanjiang/system.yaml',
    ]);
  });

  it('* still matches exactly one folder', () => {
    const dir = nested();
    expect(rel(dir, expandGlob('systems/*/system.yaml', dir))).toEqual(['systems/a/system.yaml', 'systems/a-b/system.yaml']);
    expect(rel(dir, expandGlob('systems/city/*/system.yaml', dir))).toEqual(['systems/city/zhanjiang/system.yaml']);
  });

  it('a literal path is kept when it exists, dropped when it does not', () => {
    const dir = nested();
    expect(rel(dir, expandGlob('systems/a/system.yaml', dir))).toEqual(['systems/a/system.yaml']);
    expect(expandGlob('systems/none/system.yaml', dir)).toEqual([]);
  });

  it('a folder where system.yaml should be is found (the loader reports it)', () => {
    const dir = tempTree({ 'systems/x/system.yaml/README.md': '' });
    expect(rel(dir, expandGlob('systems/*/system.yaml', dir))).toEqual(['systems/x/system.yaml']);
  });

  it('the config globs, in order and without repeats', () => {
    const dir = nested();
    const { files, missing } = discoverSystems([], dir, ['systems/city/**/system.yaml', 'systems/**/system.yaml'], dir);
    expect(missing).toEqual([]);
    expect(rel(dir, files)).toEqual([
      'systems/city/districts/chikan/system.yaml',
      'systems/city/zhanjiang/system.yaml',
      'systems/a/system.yaml',
      'systems/a-b/system.yaml',
    ]);
  });

  it('a quoted glob argument means what it matches; one that matches nothing is missing', () => {
    const dir = nested();
    expect(rel(dir, discoverSystems(['systems/**/system.yaml'], dir, [], dir).files)).toHaveLength(4);
    expect(discoverSystems(['systems/**/nothing.yaml'], dir, [], dir)).toEqual({ files: [], missing: ['systems/**/nothing.yaml'] });
  });

  it('validate checks nested systems named by a ** glob in .hrss-std.yaml, and by a quoted ** argument', () => {
    const dir = nested();
    writeFileSync(path.join(dir, '.hrss-std.yaml'), 'systems: [systems/**/system.yaml]\n');
    for (const args of [['validate', '-f', 'json'], ['validate', '-f', 'json', 'systems/**/system.yaml']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).summary).toMatchObject({ systems: 4, files: 4 });
    }
  });

  it('a ** glob in .hrss-std.yaml that matches nothing still says so (exit 2)', () => {
    const dir = tempTree({ '.hrss-std.yaml': 'systems: [systems/**/system.yaml]\n', 'systems/readme.txt': '' });
    const r = runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('systems/**/system.yaml');
  });
});
