// The time-zone picker's list and search (RULES.md: `timeZone` is an IANA name checked with `Intl`).
// Pure functions so the ranking is unit-tested without a browser.

/** Every zone the runtime knows, with `UTC` first: it is always valid but missing from some lists. */
export function timeZoneList(supported: readonly string[]): string[] {
  return ['UTC', ...supported.filter((zone) => zone !== 'UTC')];
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_/]+/g, ' ').trim();
}

/** `Europe/Paris` → city `Paris`, region `Europe`; `America/Argentina/Salta` → `Salta`, `America/Argentina`. */
export function zoneParts(zone: string): { city: string; region: string } {
  const cut = zone.lastIndexOf('/');
  if (cut < 0) return { city: zone.replace(/_/g, ' '), region: '' };
  return { city: zone.slice(cut + 1).replace(/_/g, ' '), region: zone.slice(0, cut).replace(/_/g, ' ') };
}

/**
 * Zones matching `query` on city or region, case-, accent-, underscore- and slash-insensitive ("new york",
 * "New_York" and "america/new" all find America/New_York). The exact name comes first, then cities
 * starting with the query, then any part starting with it, then the rest containing it; ties keep the
 * list's order. An empty query lists the first `limit` zones.
 */
export function searchZones(query: string, zones: readonly string[], limit = 50): string[] {
  const q = fold(query);
  if (q === '') return zones.slice(0, limit);
  const ranked: Array<{ zone: string; rank: number; index: number }> = [];
  zones.forEach((zone, index) => {
    const whole = fold(zone);
    const city = fold(zoneParts(zone).city);
    let rank: number;
    if (whole === q) rank = 0;
    else if (city.startsWith(q)) rank = 1;
    else if (whole.startsWith(q) || whole.includes(` ${q}`)) rank = 2;
    else if (whole.includes(q)) rank = 3;
    else return;
    ranked.push({ zone, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((r) => r.zone);
}
