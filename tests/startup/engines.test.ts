import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ours: string = pkg.engines.node;
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

/** Every package npm installed here (the lock's list), with the engines.node its package.json states. */
function installed(): { name: string; dev: boolean; node: string }[] {
  const out = [];
  for (const [key, entry] of Object.entries<any>(lock.packages)) {
    if (!key) continue;
    const file = path.join(ROOT, key, 'package.json');
    if (!existsSync(file)) continue; // an optional package for another platform
    const engines = JSON.parse(readFileSync(file, 'utf8')).engines;
    const node = engines && typeof engines === 'object' && !Array.isArray(engines) ? engines.node : undefined;
    if (typeof node === 'string') out.push({ name: key, dev: !!entry.dev, node });
  }
  return out;
}

describe('supported Node versions', () => {
  it('every installed package supports every Node version our engines allow (no EBADENGINE)', () => {
    const list = installed();
    expect(list.length).toBeGreaterThan(20);
    const narrower = list.filter((p) => !semver.subset(ours, p.node, { includePrerelease: false })).map((p) => `${p.name} (${p.dev ? 'dev' : 'prod'}): ${p.node}`);
    expect(narrower).toEqual([]);
  });

  it("docx's nanoid is overridden to a version that supports Node 20 (nanoid 6 needs Node 22)", () => {
    expect(pkg.overrides.docx.nanoid).toBeDefined();
    const nanoid = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/docx/node_modules/nanoid/package.json'), 'utf8'));
    expect(semver.subset(ours, nanoid.engines.node)).toBe(true);
  });

  it('the lock records our engines, and this Node is one of them', () => {
    expect(lock.packages[''].engines.node).toBe(ours);
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  it('the workflow init writes tests every supported major version and only those', () => {
    const wf = readFileSync(path.join(ROOT, 'templates/init/github/workflows/hrss-std.yml'), 'utf8');
    const m = /node-version: \[([^\]]*)\]/.exec(wf);
    expect(m).not.toBeNull();
    const majors = m![1]!.split(',').map((s) => Number(s.trim()));
    for (const v of majors) expect(semver.intersects(ours, `^${v}.0.0`), `Node ${v}`).toBe(true);
    // the even (LTS) majors from the lowest we support up to 24
    const lowest = semver.minVersion(ours)!.major;
    expect(majors).toEqual([20, 22, 24].filter((v) => v >= lowest));
    expect(wf).toContain('node-version: ${{ matrix.node-version }}');
  });
});
