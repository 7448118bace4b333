// Text normalisation shared by search, bulk import and sorting. Both database dialects store the
// `sortKey` computed here, so titles sort identically on SQLite and PostgreSQL whatever their collations.

// Letters that NFD does not decompose into a base letter plus a combining mark.
const LIGATURES: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };
const LIGATURE_RE = /[æœßøđłþ]/g;

/** Lower-case, accents stripped (NFD), common ligatures expanded, whitespace collapsed. */
export function normaliseForSearch(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

const LEADING_ARTICLE = /^(?:the|a|an) (?=\S)/;

/**
 * Sort key for titles: normalised for search, leading English article and punctuation dropped (as
 * Jellyfin's SortName does), and numbers zero-padded so "Rocky 2" sorts before "Rocky 10".
 */
export function sortKey(title: string): string {
  return normaliseForSearch(title)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(LEADING_ARTICLE, '')
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(10, '0'));
}
