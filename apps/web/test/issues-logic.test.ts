import { describe, expect, it } from 'vitest';
import type { IssueItem } from '@mj/contracts';
import { actionsFor, episodeLabel, expiryFor, whitelistBody } from '$lib/issues/actions';
import { debounce } from '$lib/issues/debounce';
import { libraryApiQuery, parseLibraryView } from '$lib/issues/library-query';
import { issuesApiQuery, issuesHref, parseIssuesView, toggleSort } from '$lib/issues/query';

const item = (over: Partial<IssueItem>): IssueItem => ({
  id: 'jf1',
  title: 'Alien',
  year: 1979,
  mediaType: 'movie',
  sizeBytes: 1,
  largestSeasonBytes: null,
  addedAt: null,
  lastWatchedAt: null,
  watchedBy: [],
  issues: [],
  links: { jellyfin: null },
  managedBy: null,
  ...over,
});

describe('issues view in the URL', () => {
  it('parses a URL and writes it back without defaults', () => {
    const view = parseIssuesView(new URLSearchParams('kind=large&q=alien&sort=size&order=asc&page=3'));
    expect(view).toEqual({ tab: 'large', q: 'alien', sort: 'size', order: 'asc', page: 3, pageSize: 25 });
    expect(issuesHref(view)).toBe('/issues?kind=large&q=alien&sort=size&order=asc&page=3');
    expect(issuesHref({ ...view, tab: 'all', q: '', sort: null, order: null, page: 1 })).toBe('/issues');
  });

  it('ignores invalid values instead of failing', () => {
    expect(parseIssuesView(new URLSearchParams('kind=bogus&sort=x&order=up&page=-2'))).toEqual({
      tab: 'all',
      q: '',
      sort: null,
      order: null,
      page: 1,
      pageSize: 25,
    });
  });

  it('keeps an offered page size in the URL and the API call, and ignores any other', () => {
    const view = parseIssuesView(new URLSearchParams('pageSize=100&page=2'));
    expect(view.pageSize).toBe(100);
    expect(issuesHref(view)).toBe('/issues?page=2&pageSize=100');
    expect(issuesApiQuery(view)).toEqual({ page: 2, pageSize: 100 });
    expect(parseIssuesView(new URLSearchParams('pageSize=7')).pageSize).toBe(25);
    expect(parseIssuesView(new URLSearchParams('pageSize=5000')).pageSize).toBe(25);
  });

  it('asks the API for one page of the current tab', () => {
    const view = parseIssuesView(new URLSearchParams('kind=old&page=2'));
    expect(issuesApiQuery(view)).toEqual({ kind: 'old', page: 2, pageSize: 25 });
  });

  it('asks the API for the library in bytes, with only the filters set', () => {
    const view = parseLibraryView(new URLSearchParams('kind=movie&watched=false&sizeMin=1.5&sort=size&page=3'));
    expect(libraryApiQuery(view)).toEqual({
      kind: 'movie',
      watched: 'false',
      sizeMin: Math.round(1.5 * 1024 ** 3),
      sort: 'size',
      page: 3,
      pageSize: 25,
    });
  });

  it('starts a new column in its natural order and flips the current one', () => {
    const view = parseIssuesView(new URLSearchParams('page=4'));
    const byName = toggleSort(view, 'name');
    expect(byName).toMatchObject({ sort: 'name', order: 'asc', page: 1 });
    expect(toggleSort(byName, 'name').order).toBe('desc');
    expect(toggleSort(byName, 'size').order).toBe('desc');
  });
});

describe('inline actions', () => {
  it('offers the actions that resolve the row’s issues', () => {
    expect(actionsFor(item({ issues: [{ kind: 'old' }, { kind: 'large' }] }))).toEqual(['protect', 'keep-large']);
    expect(actionsFor(item({ issues: [{ kind: 'language', codes: ['missing_audio:fre'] }] }))).toEqual([
      'exempt-language',
      'original-language-only',
      'subtitles-suffice',
    ]);
  });

  it('builds the whitelist body for items, requests and episodes', () => {
    const request = {
      requestId: 42,
      requestedBy: null,
      requestedAt: null,
      releaseDate: null,
      missingSeasons: [],
      staleInJellyseerr: false,
    };
    expect(whitelistBody('protect', item({}), null)).toEqual({ itemId: 'jf1' });
    expect(whitelistBody('hide-request', item({ id: 'request:42', request }), '2030-01-01T00:00:00.000Z')).toEqual({
      requestId: 42,
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(whitelistBody('exempt-episode', item({}), null, 'ep9')).toEqual({ itemId: 'ep9' });
  });

  it('computes expiries in 30-day months and refuses past custom dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(expiryFor('permanent', now)).toEqual({ expiresAt: null });
    expect(expiryFor('week', now)).toEqual({ expiresAt: '2026-01-08T00:00:00.000Z' });
    expect(expiryFor('months3', now)).toEqual({ expiresAt: '2026-04-01T00:00:00.000Z' });
    expect(expiryFor('custom', now, '2025-12-31')).toEqual({ invalid: true });
    expect(expiryFor('custom', now, 'garbage')).toEqual({ invalid: true });
    const custom = expiryFor('custom', now, '2026-02-01');
    expect('expiresAt' in custom && Date.parse(custom.expiresAt!) > now).toBe(true);
  });

  it('labels episodes as S01E05', () => {
    expect(episodeLabel(1, 5)).toBe('S01E05');
    expect(episodeLabel(null, 3)).toBe('E03');
  });
});

describe('debounce', () => {
  it('runs only the last call once input is quiet, or at once on flush', async () => {
    const seen: string[] = [];
    const search = debounce((q: string) => seen.push(q), 10);
    search.call('a');
    search.call('al');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual(['al']);
    search.call('ali');
    search.flush();
    expect(seen).toEqual(['al', 'ali']);
  });
});

describe('library rows can always be protected', () => {
  it('adds "protect" to a title without issues, and keeps the issue actions of one with issues', async () => {
    const { libraryActionsFor } = await import('$lib/issues/actions');
    expect(libraryActionsFor(item({ issues: [] }))).toEqual(['protect']);
    expect(libraryActionsFor(item({ issues: [{ kind: 'large' }] }))).toEqual(['protect', 'keep-large']);
    expect(libraryActionsFor(item({ issues: [{ kind: 'old' }] }))).toEqual(['protect']);
  });
});
