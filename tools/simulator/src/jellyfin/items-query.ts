import { parseId } from '../core/ids';
import type { Query } from '../http/sim-server';

export type ItemType = 'Movie' | 'Series' | 'Episode';
const KNOWN_TYPES: Readonly<Record<string, ItemType>> = { movie: 'Movie', series: 'Series', episode: 'Episode' };

export type Parent =
  | { kind: 'library'; index: number }
  | { kind: 'series'; index: number }
  | { kind: 'season'; series: number; season: number | null }
  | { kind: 'unknown' };

export interface ItemsQuery {
  userId: string | null;
  recursive: boolean;
  parent: Parent | null;
  types: ReadonlySet<ItemType>;
  excludeVirtual: boolean;
  played?: boolean;
  resumable?: boolean;
  favorite?: boolean;
  folder?: boolean;
  descending: boolean;
  /**
   * MinDateLastSaved / MinDateLastSavedForUser: Jellyfin (10.10+, BaseItemRepository) applies both to
   * the ITEM's DateLastSaved (`DateLastSaved != null && DateLastSaved >= value`); the "ForUser" one
   * does not look at user data. When both are given, both apply (the later bound wins).
   */
  minSaved: number | null;
  ids: string[] | null;
  startIndex: number;
  limit: number | null;
  fields: Set<string>;
  enableImages: boolean;
  enableUserData: boolean;
  enableTotalRecordCount: boolean;
}

/** ASP.NET model-binding failure, as Jellyfin answers it. */
export class BindingError extends Error {
  constructor(
    readonly param: string,
    readonly value: string,
  ) {
    super(`The value '${value}' is not valid.`);
  }
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function bool(q: Query, name: string, fallback: boolean): boolean {
  const v = q[name];
  if (v === undefined || v === '') return fallback;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new BindingError(name, v);
}

/** ASP.NET DateTime binding: an ISO date (with or without zone, read as UTC here) or a 400. */
function dateParam(q: Query, name: string): number | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`;
  // .NET accepts 7 fractional digits; Date.parse only millisecond ones.
  const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) throw new BindingError(name, v);
  return ms;
}

function int(q: Query, name: string): number | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (!/^-?\d+$/.test(v)) throw new BindingError(name, v);
  return Number(v);
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

export function parseItemsQuery(q: Query, seed: number, pathUserId: string | null): ItemsQuery {
  const includeTypes = list(q.includeitemtypes).map((t) => t.toLowerCase());
  const exclude = new Set(list(q.excludeitemtypes).map((t) => t.toLowerCase()));
  // Without IncludeItemTypes every kind we serve is included; unknown kinds match nothing we have.
  const wanted = includeTypes.length > 0 ? includeTypes : Object.keys(KNOWN_TYPES);
  const types = new Set<ItemType>(
    wanted.filter((t) => !exclude.has(t)).flatMap((t) => (KNOWN_TYPES[t] ? [KNOWN_TYPES[t] as ItemType] : [])),
  );
  const filters = new Set(list(q.filters).map((f) => f.toLowerCase()));
  const out: ItemsQuery = {
    userId: pathUserId ?? q.userid ?? null,
    recursive: bool(q, 'recursive', false),
    parent: null,
    types,
    excludeVirtual: list(q.excludelocationtypes).some((t) => t.toLowerCase() === 'virtual'),
    descending: list(q.sortorder)[0]?.toLowerCase() === 'descending',
    minSaved: maxOrNull(dateParam(q, 'mindatelastsaved'), dateParam(q, 'mindatelastsavedforuser')),
    ids: q.ids ? list(q.ids) : null,
    startIndex: Math.max(0, int(q, 'startindex') ?? 0),
    limit: int(q, 'limit'),
    fields: new Set(list(q.fields).map((f) => f.toLowerCase())),
    enableImages: bool(q, 'enableimages', true),
    enableUserData: bool(q, 'enableuserdata', true),
    enableTotalRecordCount: bool(q, 'enabletotalrecordcount', true),
  };
  if (filters.has('isplayed')) out.played = true;
  if (filters.has('isunplayed')) out.played = false;
  if (q.isplayed !== undefined) out.played = bool(q, 'isplayed', false);
  if (filters.has('isresumable')) out.resumable = true;
  if (filters.has('isfavorite')) out.favorite = true;
  if (filters.has('isfolder')) out.folder = true;
  if (filters.has('isnotfolder')) out.folder = false;
  if (q.parentid) {
    const parsed = parseId(seed, q.parentid);
    if (parsed?.kind === 'library') out.parent = { kind: 'library', index: parsed.index };
    else if (parsed?.kind === 'series') out.parent = { kind: 'series', index: parsed.index };
    else if (parsed?.kind === 'season') {
      const s = parsed.index % 64;
      out.parent = { kind: 'season', series: Math.floor(parsed.index / 64), season: s === 63 ? null : s };
    } else out.parent = { kind: 'unknown' };
  }
  return out;
}

/** The part of a query that decides the matching sequence (paging and output options excluded). */
export function sequenceKey(q: ItemsQuery, userIndex: number | null): string {
  return JSON.stringify([
    userIndex,
    q.recursive,
    q.parent,
    [...q.types].sort(),
    q.excludeVirtual,
    q.played,
    q.resumable,
    q.favorite,
    q.folder,
    q.minSaved,
  ]);
}
