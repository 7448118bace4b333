import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserWithTenant,
  newId,
  pageRequests,
  pageTitles,
  titleIssueCondition,
  type RequestSortColumn,
  type TitleSortColumn,
} from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../src/testing';

// Pages are read in two index-ordered parts (non-null values, then nulls): every page, including those
// that start in or straddle the null part, must equal the same slice of one nulls-last sort.

const NOW = Date.UTC(2026, 5, 15, 12);
const ROWS = 13;
// Ties (5 and 9 twice) and four nulls, spread over the name ranks.
const VALUES = [9, null, 5, 12, null, 5, 1, 9, null, 30, 7, null, 2];

type Order = 'asc' | 'desc';

/** The reference order: value in `order`, nulls last either way, then rank ascending. */
function expected<R>(rows: R[], value: (r: R) => number | null, rank: (r: R) => number, order: Order): R[] {
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return order === 'asc' ? va - vb : vb - va;
    return rank(a) - rank(b);
  });
}

describe.each(TEST_DIALECTS)('sorted pages, nulls last (%s)', (dialect) => {
  let db: TestDb;
  let tenantId: string;
  const titles: { id: string; rank: number; value: number | null; old: boolean }[] = [];
  const requests: { id: number; rank: number; value: number | null }[] = [];

  async function newTenant() {
    const id = newId();
    await createUserWithTenant(db, {
      userId: newId(),
      tenantId: id,
      email: `${newId()}@x.test`,
      passwordHash: 'h',
      now: 1,
    });
    return id;
  }

  async function insertTitle(tenant: string, id: string, rank: number, value: number | null, old: boolean) {
    await db.q.insert(db.t.titleIssues).values({
      tenantId: tenant,
      id,
      mediaType: 'movie',
      title: id,
      year: value,
      sizeBytes: value,
      addedAt: value,
      lastWatchedAt: value,
      watched: false,
      watchedBy: [],
      playCount: 0,
      oldSince: old ? NOW - 1 : null,
      isLarge: false,
      hasLanguage: false,
      languageCodes: [],
      problemEpisodes: [],
      nameRank: rank,
      searchText: id,
      evaluatedAt: NOW,
    });
  }

  beforeAll(async () => {
    db = await createTestDb(dialect);
    tenantId = await newTenant();
    for (let i = 0; i < ROWS; i++) {
      // Ranks are a permutation, so rank order differs from insertion order.
      const rank = (i * 7) % ROWS;
      const title = { id: `t${String(i).padStart(2, '0')}`, rank, value: VALUES[i]!, old: i % 3 !== 1 };
      titles.push(title);
      await insertTitle(tenantId, title.id, rank, title.value, title.old);
      const request = { id: i + 1, rank, value: VALUES[(i + 4) % ROWS]! };
      requests.push(request);
      await db.q.insert(db.t.requestIssues).values({
        tenantId,
        requestId: request.id,
        mediaType: 'movie',
        is4k: false,
        title: `r${i}`,
        requestedAt: request.value,
        releaseDay: request.value,
        requestStatus: 2,
        mediaStatus: 3,
        missingSeasons: [],
        stale: false,
        nameRank: rank,
        searchText: `r${i}`,
      });
    }
    // Another tenant's rows sort first in every order: none of them may appear.
    const other = await newTenant();
    await insertTitle(other, 'intruder-null', -1, null, true);
    await insertTitle(other, 'intruder-value', -2, 1_000, true);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const titleColumns: TitleSortColumn[] = ['sizeBytes', 'addedAt', 'lastWatchedAt', 'year', 'nameRank'];
  for (const column of titleColumns)
    for (const order of ['asc', 'desc'] as const)
      it(`titles by ${column} ${order}: every page size and offset gives the same slice`, async () => {
        const value = (t: (typeof titles)[number]) => (column === 'nameRank' ? t.rank : t.value);
        for (const old of [false, true]) {
          const rows = old ? titles.filter((t) => t.old) : titles;
          const want = expected(rows, value, (t) => t.rank, order).map((t) => t.id);
          const filter = old
            ? { count: titleIssueCondition(db, 'old', NOW), scan: titleIssueCondition(db, 'old', NOW, true) }
            : { count: undefined, scan: undefined };
          for (const size of [1, 3, 4, 5, 20])
            for (let offset = 0; offset <= rows.length; offset++) {
              const page = await pageTitles(db, tenantId, filter, { column, order }, size, offset);
              expect(
                page.rows.map((r) => r.id),
                `size ${size} offset ${offset} old ${old}`,
              ).toEqual(want.slice(offset, offset + size));
              expect(page.total).toBe(rows.length);
            }
        }
      });

  const requestColumns: RequestSortColumn[] = ['requestedAt', 'releaseDay', 'nameRank'];
  for (const column of requestColumns)
    for (const order of ['asc', 'desc'] as const)
      it(`requests by ${column} ${order}: pages cross from values to nulls like one sort`, async () => {
        const value = (r: (typeof requests)[number]) => (column === 'nameRank' ? r.rank : r.value);
        const want = expected(requests, value, (r) => r.rank, order).map((r) => r.id);
        for (const size of [1, 4, 5])
          for (let offset = 0; offset <= requests.length; offset++) {
            const page = await pageRequests(db, tenantId, undefined, { column, order }, size, offset);
            expect(
              page.rows.map((r) => r.requestId),
              `size ${size} offset ${offset}`,
            ).toEqual(want.slice(offset, offset + size));
            expect(page.total).toBe(requests.length);
          }
      });

  it('a null sort column (requests sorted by size) orders by name rank alone', async () => {
    const page = await pageTitles(
      db,
      tenantId,
      { count: undefined, scan: undefined },
      { column: null, order: 'desc' },
      5,
      2,
    );
    expect(page.rows.map((r) => r.nameRank)).toEqual([2, 3, 4, 5, 6]);
  });
});
