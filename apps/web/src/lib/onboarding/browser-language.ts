import { normaliseLanguage } from '@mj/contracts';

/** RULES.md §4's default required audio: what a tenant has until someone chooses. */
const DEFAULT_AUDIO = ['eng', 'fre'];

/**
 * The browser's preferred language as a stored ISO 639-2/B code, from an Accept-Language header
 * (`fr-CA,fr;q=0.9,en;q=0.8` → `fre`): the entry with the highest quality that the language table knows.
 */
export function browserLanguage(acceptLanguage: string | null | undefined): string | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const code = normaliseLanguage(entry.tag);
    if (code) return code;
  }
  return null;
}

/**
 * What the onboarding proposes as required audio: the browser's language instead of the English+French
 * default, which suits only a French household. A list someone already chose (anything but the untouched
 * default, or a saved language step) is kept. Titles watched in their original version are handled per
 * title by the "original language only" whitelist (RULES.md §4), which the step explains.
 */
export function proposeAudioLanguages(
  current: readonly string[],
  acceptLanguage: string | null | undefined,
  alreadySaved: boolean,
): { codes: string[]; proposed: string | null } {
  const untouched = current.length === DEFAULT_AUDIO.length && DEFAULT_AUDIO.every((c) => current.includes(c));
  const language = browserLanguage(acceptLanguage);
  if (alreadySaved || !untouched || !language) return { codes: [...current], proposed: null };
  return { codes: [language], proposed: language };
}
