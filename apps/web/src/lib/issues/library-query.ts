import type { LibrarySort, SortOrder } from '@mj/contracts';
import type { ApiQuery } from '$lib/api/typed-client';
import { parsePage, parsePageSize } from './query';

const SORTS: readonly LibrarySort[] = ['name', 'size', 'added', 'watched', 'year'];
export const LIBRARY_PAGE_SIZE = 25;
const GIB = 1024 ** 3;

/** The library browser's filters as kept in the URL; sizes in GiB as people type them. */
export interface LibraryView {
  kind: 'movie' | 'series' | null;
  q: string;
  watched: boolean | null;
  yearFrom: number | null;
  yearTo: number | null;
  sizeMinGiB: number | null;
  sizeMaxGiB: number | null;
  sort: LibrarySort | null;
  order: SortOrder | null;
  page: number;
  pageSize: number;
}

function number(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

export function parseLibraryView(params: URLSearchParams): LibraryView {
  const kind = params.get('kind');
  const watched = params.get('watched');
  const sort = params.get('sort');
  const order = params.get('order');
  let yearFrom = number(params, 'yearFrom', 1800, 3000);
  let yearTo = number(params, 'yearTo', 1800, 3000);
  // A reversed range is what the user meant the other way round.
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  let sizeMinGiB = number(params, 'sizeMin', 0, 1e6);
  let sizeMaxGiB = number(params, 'sizeMax', 0, 1e6);
  if (sizeMinGiB !== null && sizeMaxGiB !== null && sizeMinGiB > sizeMaxGiB)
    [sizeMinGiB, sizeMaxGiB] = [sizeMaxGiB, sizeMinGiB];
  return {
    kind: kind === 'movie' || kind === 'series' ? kind : null,
    q: (params.get('q') ?? '').trim().slice(0, 200),
    watched: watched === 'true' ? true : watched === 'false' ? false : null,
    yearFrom: yearFrom === null ? null : Math.trunc(yearFrom),
    yearTo: yearTo === null ? null : Math.trunc(yearTo),
    sizeMinGiB,
    sizeMaxGiB,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as LibrarySort) : null,
    order: order === 'asc' || order === 'desc' ? order : null,
    page: parsePage(params),
    pageSize: parsePageSize(params, LIBRARY_PAGE_SIZE),
  };
}

function entries(view: LibraryView): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (view.kind) out.push(['kind', view.kind]);
  if (view.q) out.push(['q', view.q]);
  if (view.watched !== null) out.push(['watched', String(view.watched)]);
  if (view.yearFrom !== null) out.push(['yearFrom', String(view.yearFrom)]);
  if (view.yearTo !== null) out.push(['yearTo', String(view.yearTo)]);
  return out;
}

export function libraryHref(view: LibraryView): string {
  const params = new URLSearchParams(entries(view));
  if (view.sizeMinGiB !== null) params.set('sizeMin', String(view.sizeMinGiB));
  if (view.sizeMaxGiB !== null) params.set('sizeMax', String(view.sizeMaxGiB));
  if (view.sort) params.set('sort', view.sort);
  if (view.order) params.set('order', view.order);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.pageSize !== LIBRARY_PAGE_SIZE) params.set('pageSize', String(view.pageSize));
  const query = params.toString();
  return query ? `/library?${query}` : '/library';
}

/** The query of `GET /api/library` for a view (typed by the API document): sizes in bytes. */
export function libraryApiQuery(view: LibraryView): ApiQuery<'/api/library', 'get'> {
  return {
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.watched !== null ? { watched: view.watched ? 'true' : 'false' } : {}),
    ...(view.yearFrom !== null ? { yearFrom: view.yearFrom } : {}),
    ...(view.yearTo !== null ? { yearTo: view.yearTo } : {}),
    ...(view.sizeMinGiB !== null ? { sizeMin: Math.round(view.sizeMinGiB * GIB) } : {}),
    ...(view.sizeMaxGiB !== null ? { sizeMax: Math.round(view.sizeMaxGiB * GIB) } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.order ? { order: view.order } : {}),
    page: view.page,
    pageSize: view.pageSize,
  };
}

export function toggleLibrarySort(view: LibraryView, sort: LibrarySort): LibraryView {
  const natural: SortOrder = sort === 'name' ? 'asc' : 'desc';
  const order: SortOrder = view.sort !== sort ? natural : (view.order ?? natural) === 'asc' ? 'desc' : 'asc';
  return { ...view, sort, order, page: 1 };
}
