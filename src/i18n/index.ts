/** Bilingual text: Chinese is the default language of every message, English on `--lang en`. */
export type Lang = 'zh' | 'en';
export interface Text { zh: string; en: string }

/** Fill `{name}` placeholders. */
export function format(template: string, data?: Record<string, unknown>): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function t(text: Text, lang: Lang, data?: Record<string, unknown>): string {
  return format(text[lang] ?? text.zh, data);
}

/** `--lang` wins; then HRSS_STD_LANG; then an English LANG/LC_ALL; Chinese otherwise. */
export function detectLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = (v?: string): Lang | undefined => {
    if (!v) return undefined;
    const s = v.toLowerCase();
    if (s === 'en' || s.startsWith('en_') || s.startsWith('en-')) return 'en';
    if (s === 'zh' || s.startsWith('zh')) return 'zh';
    return undefined;
  };
  return pick(flag) ?? pick(env.HRSS_STD_LANG) ?? pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? 'zh';
}
