import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UserError, version, type GlobalOptions } from '../common.js';
import { t, type Lang } from '../../i18n/index.js';
import type { Framework } from '../../model/types.js';
import { describeWriteError, WriteError } from '../../util/atomic.js';
import { planInit, regionNameOf } from '../../authoring/init/scaffold.js';
import { writeInit } from '../write-files.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const FRAMEWORK_IDS = ['zhanjiang-7', 'gbt24421', 'none'];

function defaultId(dir: string): string {
  const v = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ID.test(v) ? v : 'main';
}

export interface InitCommandOptions extends GlobalOptions {
  framework: string;
  id?: string;
  title?: string;
  region?: string;
  regionName?: string;
  owner?: string;
}

export function runInit(dir: string, opts: InitCommandOptions, cwd: string, lang: Lang): number {
  const framework = opts.framework;
  if (!FRAMEWORK_IDS.includes(framework)) {
    throw new UserError({ zh: `未知的体系框架 “${framework}”；可用：${FRAMEWORK_IDS.join('、')}`, en: `unknown framework "${framework}"; available: ${FRAMEWORK_IDS.join(', ')}` });
  }
  const abs = path.resolve(cwd, dir);
  const id = opts.id ?? defaultId(abs);
  if (!ID.test(id)) {
    throw new UserError({ zh: `体系标识 “${id}” 无效：只能用小写字母、数字和连字符`, en: `invalid system id "${id}": lower-case letters, digits and hyphens only` });
  }
  let region: { name?: string; code?: string } | undefined;
  if (opts.region !== undefined) {
    if (!/^\d{6}$/.test(opts.region)) {
      throw new UserError({ zh: `--region 需要 6 位行政区划代码（GB/T 2260），如 440800；收到 “${opts.region}”`, en: `--region takes a 6-digit GB/T 2260 code such as 440800; got "${opts.region}"` });
    }
    const name = opts.regionName ?? regionNameOf(opts.region);
    if (!name) {
      throw new UserError(
        { zh: `内置表中没有行政区划代码 ${opts.region} 的名称`, en: `the built-in table has no name for region code ${opts.region}` },
        EXIT.USAGE,
        { zh: '用 --region-name 给出地区名称，如 --region-name 湛江市', en: 'give the name with --region-name' },
      );
    }
    region = { name, code: opts.region };
  } else if (opts.regionName) {
    region = { name: opts.regionName };
  }
  const title = opts.title ?? `${region?.name ?? ''}人力资源和社会保障领域公共服务标准体系`;

  try {
    mkdirSync(abs, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError({ zh: `无法创建目录 ${dir}（${code}）`, en: `cannot create the folder ${dir} (${code})` });
  }
  if (!statSync(abs).isDirectory()) {
    throw new UserError({ zh: `${dir} 不是目录`, en: `${dir} is not a folder` });
  }
  const files = planInit({ dir: abs, id, title, framework: framework as Framework, region, owner: opts.owner, version: version() });
  let result;
  try {
    result = writeInit(abs, files);
  } catch (e) {
    if (e instanceof WriteError) throw new UserError(describeWriteError(e));
    throw e;
  }
  const out: string[] = [];
  for (const f of result.written) out.push(`  ${t({ zh: '已创建', en: 'created' }, lang)}  ${f}`);
  for (const f of result.skipped) out.push(`  ${t({ zh: '已存在，跳过', en: 'exists, skipped' }, lang)}  ${f}`);
  const shown = path.relative(cwd, abs) || '.';
  out.push('');
  if (result.written.length === 0) {
    out.push(t({ zh: '所有文件都已存在，未写入任何文件。', en: 'every file exists already; nothing was written.' }, lang));
  } else {
    out.push(t({ zh: `已在 ${shown} 新建标准体系 “${title}”。下一步：`, en: `created the standard system "${title}" in ${shown}. Next:` }, lang));
    if (shown !== '.') out.push(`  cd ${shown.includes(' ') ? JSON.stringify(shown) : shown}`);
    out.push('  npx hrss-std validate');
    out.push('  npx hrss-std export --xlsx');
  }
  process.stdout.write(out.join('\n') + '\n');
  return EXIT.OK;
}
