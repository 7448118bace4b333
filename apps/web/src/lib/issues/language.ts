import type { Locale } from '$lib/i18n';

// Settings and issue codes use ISO 639-2/B; Intl.DisplayNames wants BCP 47 (two letters where one exists).
const TO_BCP47: Record<string, string> = {
  eng: 'en',
  fre: 'fr',
  ger: 'de',
  dut: 'nl',
  chi: 'zh',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  jpn: 'ja',
  kor: 'ko',
  rus: 'ru',
  ara: 'ar',
  swe: 'sv',
  nor: 'no',
  dan: 'da',
  fin: 'fi',
  pol: 'pl',
  tur: 'tr',
  gre: 'el',
  heb: 'he',
  hin: 'hi',
  cze: 'cs',
  hun: 'hu',
  rum: 'ro',
  ukr: 'uk',
  tha: 'th',
  vie: 'vi',
  ice: 'is',
  per: 'fa',
  may: 'ms',
};

/** "French" / "français" for `fre`; the code itself when unknown. */
export function languageName(code: string, locale: Locale): string {
  const tag = TO_BCP47[code] ?? code;
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(tag);
    return name ?? code;
  } catch {
    return code;
  }
}
