/**
 * Language tags as they appear in real files: every code form, names, region suffixes, unknown values.
 * Each generated track keeps its canonical ISO 639-2/B code beside the wire tag, so the ground truth
 * never has to parse what it wrote.
 */
export type Lang = 'eng' | 'fre' | 'ger' | 'spa' | 'jpn' | 'ita';

export const LANG_FORMS: Readonly<Record<Lang, readonly string[]>> = {
  eng: ['eng', 'eng', 'en', 'English', 'ENG', 'en-US'],
  fre: ['fre', 'fra', 'fr', 'fre-CA', 'fr-CA', 'French', 'fr_FR'],
  ger: ['ger', 'deu', 'de', 'German'],
  spa: ['spa', 'es', 'Spanish'],
  jpn: ['jpn', 'ja', 'Japanese'],
  ita: ['ita', 'it'],
};

/** Tags that name no language (or a non-language); they satisfy nothing. `null` = no Language field. */
export const UNKNOWN_FORMS: readonly (string | null)[] = ['und', null, 'zxx', 'mul', ''];

/** ISO 639-1 form, used for TMDB-style original languages. */
export const ISO1: Readonly<Record<Lang, string>> = {
  eng: 'en',
  fre: 'fr',
  ger: 'de',
  spa: 'es',
  jpn: 'ja',
  ita: 'it',
};

export const DISPLAY_NAME: Readonly<Record<Lang, string>> = {
  eng: 'English',
  fre: 'French',
  ger: 'German',
  spa: 'Spanish',
  jpn: 'Japanese',
  ita: 'Italian',
};

export const REQUIRED_AUDIO: readonly Lang[] = ['eng', 'fre'];
