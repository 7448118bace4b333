// Bulk whitelist import (RULES.md §7): pasted titles, one per line, matched against the library for a
// preview; nothing is saved here.
import { normaliseForSearch } from './text';

export interface ImportCandidate {
  id: string;
  name: string;
  kind: 'movie' | 'series';
  year: number | null;
}

export interface ImportPreview<T extends ImportCandidate = ImportCandidate> {
  matched: { line: string; title: T }[];
  ambiguous: { line: string; candidates: T[] }[];
  notFound: string[];
}

/** `Title (2010)`: the year narrows the match when present. */
const YEAR_SUFFIX = /^(.*\S)\s*\((\d{4})\)$/;

function narrowByYear<T extends ImportCandidate>(candidates: T[], year: number | null): T[] {
  if (year === null || candidates.length <= 1) return candidates;
  const sameYear = candidates.filter((c) => c.year === year);
  return sameYear.length > 0 ? sameYear : candidates;
}

/**
 * Matches each non-empty line (case- and accent-insensitive): exact titles first; only when none is
 * exact, titles containing the term. One candidate = matched, several = ambiguous. Repeated lines are
 * previewed once.
 */
export function matchImportLines<T extends ImportCandidate>(
  input: string | readonly string[],
  titles: readonly T[],
): ImportPreview<T> {
  const lines = typeof input === 'string' ? input.split(/\r?\n/) : input;
  const byName = new Map<string, T[]>();
  const normalised = titles.map((title) => ({ title, name: normaliseForSearch(title.name) }));
  for (const { title, name } of normalised) {
    const list = byName.get(name);
    if (list) list.push(title);
    else byName.set(name, [title]);
  }

  const preview: ImportPreview<T> = { matched: [], ambiguous: [], notFound: [] };
  const seen = new Set<string>();
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || seen.has(normaliseForSearch(line))) continue;
    seen.add(normaliseForSearch(line));

    const withYear = YEAR_SUFFIX.exec(line);
    const term = normaliseForSearch(withYear?.[1] ?? line);
    const year = withYear?.[2] ? Number(withYear[2]) : null;

    let candidates = byName.get(term) ?? byName.get(normaliseForSearch(line)) ?? [];
    if (candidates.length === 0)
      candidates = normalised.filter(({ name }) => name.includes(term)).map(({ title }) => title);
    candidates = narrowByYear(candidates, year);

    const [only] = candidates;
    if (candidates.length === 1 && only) preview.matched.push({ line, title: only });
    else if (candidates.length > 1) preview.ambiguous.push({ line, candidates });
    else preview.notFound.push(line);
  }
  return preview;
}
