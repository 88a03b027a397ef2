import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runCli, tempTree } from '../helpers.js';

const FILES = [
  '.hrss-std.yaml',
  'systems/demo/system.yaml',
  '.github/workflows/hrss-std.yml',
  '.pre-commit-config.yaml',
  '.editorconfig',
  '.gitignore',
  'package.json',
  'README.md',
];

interface Validation { summary: { errors: number; warnings: number } }

function validateJson(cwd: string): Validation {
  const r = runCli(['validate', '-f', 'json'], { cwd });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Validation;
}

describe('hrss-std init', () => {
  it('scaffolds a repository that validates with no errors and no warnings', () => {
    const root = tempTree({});
    const r = runCli(['init', 'demo'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, FILES.length)).toEqual(FILES.map((f) => `  已创建  ${f}`));
    const dir = path.join(root, 'demo');
    expect(validateJson(dir).summary).toMatchObject({ errors: 0, warnings: 0 });

    const system = readFileSync(path.join(dir, 'systems/demo/system.yaml'), 'utf8');
    expect(system.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/hrss-std/schemas/system.schema.json');
    const data = yaml.load(system) as { framework: string; subsystems: { code: string; subsystems: { code: string; standards: { status: string; number?: string }[] }[] }[] };
    expect(data.framework).toBe('zhanjiang-7');
    expect(data.subsystems.map((s) => s.code)).toEqual(['100', '200', '300', '400', '500', '600', '700']);
    // every sub-system has exactly one honest placeholder: planned, no number
    const rows = data.subsystems.flatMap((s) => s.subsystems.flatMap((n) => n.standards));
    expect(rows).toHaveLength(20);
    expect(rows.every((x) => x.status === 'planned' && x.number === undefined)).toBe(true);

    expect(readFileSync(path.join(dir, '.hrss-std.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/hrss-std/schemas/config.schema.json');
    expect(loadConfig(dir).file).toBe(path.join(dir, '.hrss-std.yaml'));
    const workflow = readFileSync(path.join(dir, '.github/workflows/hrss-std.yml'), 'utf8');
    expect(workflow).toContain('run: npx hrss-std validate -f github');
    expect(workflow).toContain('run: npx hrss-std gaps --format markdown >> "$GITHUB_STEP_SUMMARY"');
    // values from the event (a branch name is chosen by whoever opens the pull request) reach scripts only through env:
    const runLines = workflow.split('\n').filter((l) => /^\s*(?:- )?run:/.test(l));
    expect(runLines.length).toBeGreaterThanOrEqual(3);
    for (const l of runLines) expect(l).not.toContain('${{');
    expect(workflow).toContain('BASE_REF: ${{ github.base_ref }}');
    expect(workflow).toContain('run: npx hrss-std diff "origin/$BASE_REF" HEAD --format markdown');
    const hooks = yaml.load(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')) as { repos: { hooks: Record<string, unknown>[] }[] };
    // the repository's installed copy, not a download (tests/authoring/pre-commit.test.ts runs it)
    expect(hooks.repos[0]!.hooks[0]).toMatchObject({ id: 'hrss-std-validate', entry: 'node node_modules/hrss-std/bin/hrss-std.js validate', language: 'system', files: '\\.ya?ml$', pass_filenames: false });
    expect(hooks.repos[0]!.hooks[0]).not.toHaveProperty('additional_dependencies');
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(pkg.devDependencies)).toEqual(['hrss-std']);
  });

  it('never overwrites: a second run and existing files are skipped and reported', () => {
    const dir = tempTree({ 'README.md': '我们自己的说明\n' });
    expect(runCli(['init', '--id', 'demo'], { cwd: dir }).stdout).toContain('  已存在，跳过  README.md');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('我们自己的说明\n');
    const before = readFileSync(path.join(dir, 'systems/demo/system.yaml'), 'utf8');
    writeFileSync(path.join(dir, '.editorconfig'), 'root = true\n');
    const again = runCli(['init', '--id', 'demo', '--framework', 'gbt24421', '--lang', 'en'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('every file exists already; nothing was written.');
    expect(readFileSync(path.join(dir, 'systems/demo/system.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, '.editorconfig'), 'utf8')).toBe('root = true\n');
  });

  it('names the region from its code, or asks for the name', () => {
    const dir = tempTree({});
    expect(runCli(['init', 'zj', '--region', '440800'], { cwd: dir }).code).toBe(0);
    const data = yaml.load(readFileSync(path.join(dir, 'zj/systems/zj/system.yaml'), 'utf8')) as { title: string; region: unknown };
    expect(data.region).toEqual({ name: '湛江市', code: '440800' });
    expect(data.title).toBe('湛江市人力资源和社会保障领域公共服务标准体系');

    const county = runCli(['init', 'sx', '--region', '440823'], { cwd: dir });
    expect(county.code).toBe(2);
    expect(county.stderr).toContain('内置表中没有行政区划代码 440823 的名称');
    expect(county.stderr).toContain('--region-name');
    expect(existsSync(path.join(dir, 'sx'))).toBe(false);
    expect(runCli(['init', 'sx', '--region', '440823', '--region-name', '遂溪县'], { cwd: dir }).code).toBe(0);
    expect(runCli(['init', 'bad', '--region', '4408'], { cwd: dir }).code).toBe(2);
  });

  it('scaffolds the GB/T 24421 framework and an empty system cleanly too', () => {
    for (const framework of ['gbt24421', 'none']) {
      const root = tempTree({});
      expect(runCli(['init', 'x', '--framework', framework], { cwd: root }).code).toBe(0);
      expect(validateJson(path.join(root, 'x')).summary).toMatchObject({ errors: 0, warnings: 0 });
    }
    expect(runCli(['init', 'y', '--framework', 'iso9001'], { cwd: tempTree({}) }).code).toBe(2);
  });

  it('new user path: init → validate → export --xlsx', () => {
    const root = tempTree({});
    expect(runCli(['init', 'demo'], { cwd: root }).code).toBe(0);
    const dir = path.join(root, 'demo');
    expect(runCli(['validate'], { cwd: dir }).code).toBe(0);
    const r = runCli(['export', '--xlsx'], { cwd: dir });
    expect(r.stderr).not.toMatch(/内部错误|internal error/);
    expect(r.code).toBe(0);
  });
});
