import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, PAGE_SIZES, pageCount, pagingHref, parsePaging } from '$lib/issues/query';

const params = (query: string) => new URLSearchParams(query);

describe('parsePaging (History, Leaving soon, Whitelists)', () => {
  it('defaults to the first page of the list size', () => {
    expect(parsePaging(params(''))).toEqual({ page: 1, pageSize: LIST_PAGE_SIZE });
    expect(LIST_PAGE_SIZE).toBe(25);
  });

  it('reads an offered page size and a positive page', () => {
    expect(parsePaging(params('page=3&pageSize=50'))).toEqual({ page: 3, pageSize: 50 });
    for (const size of PAGE_SIZES) expect(parsePaging(params(`pageSize=${size}`)).pageSize).toBe(size);
  });

  it('falls back to the defaults for sizes not offered and pages that are not positive integers', () => {
    for (const size of ['0', '-25', '7', '200', '1000', 'abc', '25.5', ''])
      expect(parsePaging(params(`pageSize=${size}`)).pageSize, size).toBe(LIST_PAGE_SIZE);
    for (const page of ['0', '-1', '1.5', 'two', '']) expect(parsePaging(params(`page=${page}`)).page, page).toBe(1);
  });
});

describe('pagingHref', () => {
  const url = new URL('http://app/history?status=failed&page=4&pageSize=100');

  it('keeps the other parameters and replaces page and size', () => {
    expect(pagingHref(url, { page: 2, pageSize: 50 })).toBe('/history?status=failed&page=2&pageSize=50');
  });

  it('leaves defaults out of the URL', () => {
    expect(pagingHref(url, { page: 1, pageSize: LIST_PAGE_SIZE })).toBe('/history?status=failed');
    expect(pagingHref(new URL('http://app/leaving-soon?page=2'), { page: 1, pageSize: LIST_PAGE_SIZE })).toBe(
      '/leaving-soon',
    );
  });

  it('round-trips through parsePaging', () => {
    const href = pagingHref(new URL('http://app/whitelists?type=large'), { page: 3, pageSize: 100 });
    expect(parsePaging(new URL(href, 'http://app').searchParams)).toEqual({ page: 3, pageSize: 100 });
    expect(new URL(href, 'http://app').searchParams.get('type')).toBe('large');
  });
});

describe('pageCount', () => {
  it('is at least one page and rounds up', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
