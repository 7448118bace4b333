import { LANGUAGE_OPTIONS, type LanguageOption } from '@mj/contracts';

export { LANGUAGE_OPTIONS, type LanguageOption };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const NAME_BY_CODE = new Map(LANGUAGE_OPTIONS.map((option) => [option.code, option.name]));

/** English name of a stored ISO 639-2/B code; the code itself when the table does not know it. */
export function languageLabel(code: string): string {
  return NAME_BY_CODE.get(code) ?? code;
}

/**
 * Languages matching `query` by name or code, excluding already chosen ones. An exact code match comes
 * first, then names starting with the query, then names containing it, so "fr" finds French at the top.
 */
export function searchLanguages(
  query: string,
  exclude: readonly string[] = [],
  options: readonly LanguageOption[] = LANGUAGE_OPTIONS,
  limit = 8,
): LanguageOption[] {
  const q = fold(query);
  if (q === '') return [];
  const excluded = new Set(exclude);
  const ranked: Array<{ option: LanguageOption; rank: number }> = [];
  for (const option of options) {
    if (excluded.has(option.code)) continue;
    const name = fold(option.name);
    let rank: number;
    if (option.code === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (option.code.startsWith(q)) rank = 2;
    else if (name.includes(q)) rank = 3;
    else continue;
    ranked.push({ option, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.option.name.localeCompare(b.option.name, 'en'));
  return ranked.slice(0, limit).map((entry) => entry.option);
}
