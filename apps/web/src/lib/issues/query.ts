import type { IssueSort, SortOrder } from '@mj/contracts';
import type { ApiQuery } from '$lib/api/typed-client';

export const ISSUE_TABS = ['all', 'old', 'large', 'language', 'request'] as const;
export type IssueTab = (typeof ISSUE_TABS)[number];
const SORTS: readonly IssueSort[] = ['size', 'name', 'added', 'watched', 'requested', 'release'];
export const ISSUES_PAGE_SIZE = 25;
/** The page sizes a table offers (all within the API's pageSize bounds, 1..200). */
export const PAGE_SIZES = [25, 50, 100] as const;

/** `pageSize=` from a URL, when it is one of the offered sizes; else the table's default. */
export function parsePageSize(params: URLSearchParams, fallback: number): number {
  const size = Number(params.get('pageSize'));
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : fallback;
}

/** `page=` from a URL: a positive integer, else the first page. */
export function parsePage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Plain paged lists (History, Leaving soon, Whitelists): only a page and a page size in the URL. */
export const LIST_PAGE_SIZE = 25;

export interface Paging {
  page: number;
  pageSize: number;
}

export function parsePaging(params: URLSearchParams): Paging {
  return { page: parsePage(params), pageSize: parsePageSize(params, LIST_PAGE_SIZE) };
}

/** `url` (its other parameters kept) at another page or page size; defaults are left out. */
export function pagingHref(url: URL, paging: Paging): string {
  const params = new URLSearchParams(url.search);
  params.delete('page');
  params.delete('pageSize');
  if (paging.page > 1) params.set('page', String(paging.page));
  if (paging.pageSize !== LIST_PAGE_SIZE) params.set('pageSize', String(paging.pageSize));
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The Issues view's state, all of it in the URL so a view can be shared, bookmarked and reloaded. */
export interface IssuesView {
  tab: IssueTab;
  q: string;
  sort: IssueSort | null;
  order: SortOrder | null;
  page: number;
  pageSize: number;
}

export function parseIssuesView(params: URLSearchParams): IssuesView {
  const kind = params.get('kind');
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    tab: (ISSUE_TABS as readonly string[]).includes(kind ?? '') ? (kind as IssueTab) : 'all',
    q: (params.get('q') ?? '').trim().slice(0, 200),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as IssueSort) : null,
    order: order === 'asc' || order === 'desc' ? order : null,
    page: parsePage(params),
    pageSize: parsePageSize(params, ISSUES_PAGE_SIZE),
  };
}

/** The page's own URL for a view; defaults are left out so URLs stay short. */
export function issuesHref(view: IssuesView): string {
  const params = new URLSearchParams();
  if (view.tab !== 'all') params.set('kind', view.tab);
  if (view.q) params.set('q', view.q);
  if (view.sort) params.set('sort', view.sort);
  if (view.order) params.set('order', view.order);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.pageSize !== ISSUES_PAGE_SIZE) params.set('pageSize', String(view.pageSize));
  const query = params.toString();
  return query ? `/issues?${query}` : '/issues';
}

/** The query of `GET /api/issues` for a view (typed by the API document). */
export function issuesApiQuery(view: IssuesView): ApiQuery<'/api/issues', 'get'> {
  return {
    ...(view.tab !== 'all' ? { kind: view.tab } : {}),
    ...(view.q ? { q: view.q } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.order ? { order: view.order } : {}),
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** Names read naturally A→Z; every other column is most useful biggest or newest first. */
export function defaultOrder(sort: IssueSort): SortOrder {
  return sort === 'name' ? 'asc' : 'desc';
}

/** Clicking a column header: a new column starts in its natural order, the current one flips. */
export function toggleSort(view: IssuesView, sort: IssueSort): IssuesView {
  const current = view.sort === sort ? (view.order ?? defaultOrder(sort)) : null;
  const order: SortOrder = current === null ? defaultOrder(sort) : current === 'asc' ? 'desc' : 'asc';
  return { ...view, sort, order, page: 1 };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
