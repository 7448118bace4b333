import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLibrary, DAY, NOW, smallLibrary, testClock, type LibraryAccount } from './analysis-support';
import { createHarness, type Harness } from './harness';

// Issue 10, correctness (RULES §1): a series with no episodes is 0 bytes; a missing DateCreated falls
// back to the matched Jellyseerr media's mediaAddedAt.

function fixture() {
  const data = smallLibrary();
  const watched = new Set(data.library.watches.map((w) => w.itemId));
  const movie = data.library.movies.find(
    (m) => m.providerIds.tmdb && !watched.has(m.id) && m.libraryId === 'lib-movies',
  )!;
  const undated = data.library.movies.find(
    (m) => m !== movie && m.providerIds.tmdb && !watched.has(m.id) && m.libraryId === 'lib-movies',
  )!;
  movie.addedAt = null;
  undated.addedAt = null;
  // Jellyseerr says the first one arrived yesterday; nothing is known about the second.
  const request = data.requests[0]!;
  request.type = 'movie';
  request.seasons = [];
  request.media = {
    ...request.media,
    mediaType: 'movie',
    tmdbId: Number(movie.providerIds.tmdb),
    tvdbId: null,
    imdbId: null,
    status: 5,
    mediaAddedAt: NOW - DAY,
    seasons: [],
  };
  for (const other of data.requests.slice(1))
    if (
      other.media.tmdbId === Number(undated.providerIds.tmdb) ||
      other.media.tmdbId === Number(movie.providerIds.tmdb)
    )
      other.media.tmdbId = 900_000 + other.id;
  data.library.series.push({
    kind: 'series',
    id: 'e'.repeat(32),
    name: 'Empty Show',
    year: 2020,
    libraryId: 'lib-shows',
    providerIds: { tmdb: '123456', tvdb: null, imdb: null },
    addedAt: NOW - 400 * DAY,
  });
  return { data, movie, undated };
}

describe.each(TEST_DIALECTS)('library facts (%s)', (dialect) => {
  let h: Harness;
  let a: LibraryAccount;
  const { data, movie, undated } = fixture();
  beforeAll(async () => {
    h = await createHarness(dialect, { clock: testClock() });
    a = await accountWithLibrary(h, data);
  });
  afterAll(async () => h?.close());

  const get = async (url: string) => {
    const res = await h.app.inject({ url, headers: a.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a series with no episodes has size 0', async () => {
    const library = await get('/api/library?kind=series&q=Empty%20Show&pageSize=10');
    const empty = library.items.find((i: { id: string }) => i.id === 'e'.repeat(32));
    expect(empty.sizeBytes).toBe(0);
  });

  it('a missing DateCreated falls back to Jellyseerr mediaAddedAt; still unknown means old', async () => {
    const old = (await get('/api/issues?kind=old&pageSize=200')).items as { id: string; addedAt: string | null }[];
    // Jellyseerr says it arrived yesterday: not old (minimum age 3 months).
    expect(old.map((i) => i.id)).not.toContain(movie.id);
    // No date anywhere: unknown, and an unknown date counts as old (§2).
    const unknown = old.find((i) => i.id === undated.id);
    expect(unknown?.addedAt).toBeNull();
    const large = (await get('/api/library?q=' + encodeURIComponent(movie.name) + '&pageSize=50')).items as {
      id: string;
      addedAt: string | null;
    }[];
    expect(large.find((i) => i.id === movie.id)?.addedAt).toBe(new Date(NOW - DAY).toISOString());
  });
});
