import type { Lang } from '../../i18n/index.js';
import type { AssessRenderInput } from './common.js';

/** Every {zh, en} text as the string of one language; the rest as is. */
function localize(v: unknown, lang: Lang): unknown {
  if (Array.isArray(v)) return v.map((x) => localize(x, lang));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.zh === 'string' && typeof o.en === 'string') return o[lang];
    return Object.fromEntries(keys.map((k) => [k, localize(o[k], lang)]));
  }
  return v;
}

/** The whole assessment, every figure with the places behind it (`basis`) and short of it (`failing`). */
export function renderJson(input: AssessRenderInput): string {
  const doc = {
    format: 'hrss-std-assessment',
    version: 1,
    tool: 'hrss-std',
    toolVersion: input.toolVersion,
    systems: input.assessments.map(({ assessment, loadErrors }) => ({ ...assessment, loadErrors })),
  };
  return JSON.stringify(localize(doc, input.lang), null, 2) + '\n';
}
