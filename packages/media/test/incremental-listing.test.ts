import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JellyfinClient } from '../src/jellyfin/client';
import { listItemIdPages, type ListedId } from '../src/jellyfin/incremental-listing';
import { API_KEY, startFakeJellyfin, type FakeItem, type FakeJellyfin } from './helpers/fake-jellyfin';

// Issue 12: the incremental sync's id listing of a large library ran the worker out of heap when it was
// materialised. It is handed over page by page: these tests prove the consumer sees each page while
// later pages are still to be requested, so memory is bounded by the page size, not the library.

let fake: FakeJellyfin;
let client: JellyfinClient;
beforeEach(async () => {
  fake = await startFakeJellyfin();
  client = new JellyfinClient({
    url: `${fake.server.url}/`,
    apiKey: API_KEY,
    allowPrivateNetwork: true,
    retry: { sleep: async () => undefined },
    pageSizes: { ids: 4 },
  });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

const item = (n: number, libraryId: string, extra: Partial<FakeItem> = {}): FakeItem => ({
  Id: `id${String(n).padStart(3, '0')}`,
  Type: 'Movie',
  Name: `Title ${String(n).padStart(3, '0')}`,
  libraryId,
  ...extra,
});
const idRequests = () => fake.itemQueries.filter((q) => !q.get('Fields')).length;

describe('jellyfin: id listing of the incremental sync', () => {
  it('hands each page over before the pages after the next one are requested', async () => {
    fake.items = Array.from({ length: 21 }, (_, n) => item(n, 'libA'));
    const seen: { size: number; requestedBefore: number }[] = [];
    const listing = await listItemIdPages(client, ['libA'], (ids) => {
      seen.push({ size: ids.length, requestedBefore: idRequests() });
    });
    expect(listing.complete).toBe(true);
    expect(seen.map((p) => p.size)).toEqual([4, 4, 4, 4, 4, 1]);
    // Page k (0-based) is consumed with at most one page prefetched beyond it: never the whole library.
    seen.forEach((page, k) => expect(page.requestedBefore).toBeLessThanOrEqual(k + 2));
  });

  it('names each id with its kind and the library it was listed under, repeats included', async () => {
    fake.items = [
      item(1, 'libA'),
      item(2, 'libA', { Type: 'Series' }),
      item(3, 'libA', { Type: 'Episode', SeriesId: 'id002' }),
      item(4, 'libA', { Type: 'Episode' }), // no SeriesId: the full listing drops it too
      item(5, 'libA', { LocationType: 'Virtual' }),
      item(6, 'libB'),
    ];
    // The same movie reachable from a second library: listed twice, the consumer keeps the first.
    fake.items.push({ ...item(1, 'libB') });
    const all: ListedId[] = [];
    const listing = await listItemIdPages(client, ['libA', 'libB'], (ids) => all.push(...ids));
    expect(listing.complete).toBe(true);
    expect(all).toEqual([
      { id: 'id001', kind: 'movie', libraryId: 'libA' },
      { id: 'id002', kind: 'series', libraryId: 'libA' },
      { id: 'id003', kind: 'episode', libraryId: 'libA' },
      { id: 'id001', kind: 'movie', libraryId: 'libB' },
      { id: 'id006', kind: 'movie', libraryId: 'libB' },
    ]);
  });

  it('reports a listing that moved under it (fewer rows than announced) as incomplete', async () => {
    fake.items = Array.from({ length: 10 }, (_, n) => item(n, 'libA'));
    fake.beforePage = (q) => {
      if (q.get('StartIndex') === '4') fake.items.splice(0, 1);
    };
    const listing = await listItemIdPages(client, ['libA'], () => undefined);
    expect(listing.complete).toBe(false);
  });
});
