import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Framework } from '../../model/types.js';
import { CITY_CODES, PROVINCE_CODES } from '../../numbers/index.js';
import { FRAMEWORKS } from '../../rules/frameworks.js';
import { TEMPLATES_DIR } from '../../util/paths.js';
import { schemaModeline } from '../modeline.js';
import { newSystemYaml } from './system.js';

export interface InitOptions {
  dir: string;
  id: string;
  title: string;
  framework: Framework;
  region?: { name?: string; code?: string };
  owner?: string;
  version: string;
}

/** A file `init` writes: path relative to the new repository, and its text. */
export interface PlannedFile {
  rel: string;
  text: string;
}

/** template file (under templates/init) → where it goes */
const TEMPLATE_FILES: [string, string][] = [
  ['hrss-std.yaml', '.hrss-std.yaml'],
  ['github/workflows/hrss-std.yml', '.github/workflows/hrss-std.yml'],
  ['pre-commit-config.yaml', '.pre-commit-config.yaml'],
  ['editorconfig', '.editorconfig'],
  ['gitignore', '.gitignore'],
  ['package.json', 'package.json'],
  ['README.md', 'README.md'],
];

/** The name of a GB/T 2260 code when the shipped tables know it: provinces, and the cities listed. */
export function regionNameOf(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  if (code.endsWith('0000')) return PROVINCE_CODES[code.slice(0, 2)];
  if (code.endsWith('00')) return CITY_CODES[code.slice(0, 4)];
  return undefined;
}

function fill(template: string, o: InitOptions): string {
  const fw = o.framework === 'none' ? '未指定（none）' : FRAMEWORKS[o.framework].name.zh;
  const json = (s: string) => JSON.stringify(s).slice(1, -1);
  return template
    .replace(/%%ID%%/g, o.id)
    .replace(/%%VERSION%%/g, o.version)
    .replace(/%%FRAMEWORK_NAME%%/g, fw)
    // the title also lands in package.json: escape it as a JSON string body there
    .replace(/"description": "%%TITLE%%"/g, `"description": "${json(o.title)}"`)
    .replace(/%%TITLE%%/g, o.title);
}

/** Every file of a new standards repository, in a fixed order. */
export function planInit(o: InitOptions): PlannedFile[] {
  const files: PlannedFile[] = TEMPLATE_FILES.map(([src, rel]) => ({
    rel,
    text: fill(readFileSync(path.join(TEMPLATES_DIR, 'init', src), 'utf8'), o),
  }));
  const systemRel = `systems/${o.id}/system.yaml`;
  const modeline = schemaModeline(path.join(o.dir, 'systems', o.id), o.dir, 'system');
  files.splice(1, 0, {
    rel: systemRel,
    text: newSystemYaml({ id: o.id, title: o.title, framework: o.framework, region: o.region, owner: o.owner, modeline }),
  });
  return files;
}
