import { hash32 } from './prng';

/** What an id points at; encoded in the id so any id can be resolved without an index. */
export const IdKind = {
  movie: 1,
  series: 2,
  episode: 3,
  season: 4,
  library: 5,
  addedMovie: 6,
  alternateVersion: 7,
  user: 8,
  server: 9,
  collection: 10,
} as const;
export type IdKindName = keyof typeof IdKind;

const KIND_BY_CODE = new Map<number, IdKindName>(Object.entries(IdKind).map(([k, v]) => [v, k as IdKindName]));

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

/**
 * A Jellyfin-style id: 32 lowercase hex chars. The first 20 look random (a hash of seed, kind and index,
 * which also lets us reject forged ids), then 2 chars of kind and 10 of index.
 */
export function makeId(seed: number, kind: IdKindName, index: number): string {
  const code = IdKind[kind];
  const a = hash32(seed, code, index, 1);
  const b = hash32(seed, code, index, 2);
  const c = hash32(seed, code, index, 3);
  return `${hex(a, 8)}${hex(b, 8)}${hex(c, 4)}${hex(code, 2)}${index.toString(16).padStart(10, '0')}`;
}

export function parseId(seed: number, id: string): { kind: IdKindName; index: number } | null {
  const lower = id.toLowerCase().replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(lower)) return null;
  const kind = KIND_BY_CODE.get(parseInt(lower.slice(20, 22), 16));
  if (!kind) return null;
  const index = parseInt(lower.slice(22), 16);
  if (makeId(seed, kind, index) !== lower) return null;
  return { kind, index };
}
