import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSnapshotRows, newId, snapshotItemKeyPages } from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../src/testing';

// Issue 12: the incremental sync reads the previous snapshot's keys in keyset pages (never one result set
// of a whole large library); every key comes exactly once, in id order, and only the snapshot's own.
describe.each(TEST_DIALECTS)('snapshot item key pages (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const row = (snapshotId: string, id: string, kind: 'movie' | 'series' | 'episode', seriesId: string | null) => ({
    snapshotId,
    tenantId: 't1',
    id,
    kind,
    name: id,
    libraryId: kind === 'movie' ? 'libM' : 'libT',
    seriesId,
  });

  it('yields every key of one snapshot once, in id order, a page at a time', async () => {
    const snapshot = newId();
    const other = newId();
    const ids = ['g', 'a', 'e', 'c', 'b', 'f', 'd'];
    await insertSnapshotRows(db, 'libraryItems', [
      ...ids.map((id) =>
        row(snapshot, id, id === 'b' ? 'series' : id > 'b' ? 'episode' : 'movie', id > 'b' ? 'b' : null),
      ),
      row(other, 'a0', 'movie', null),
    ]);
    const pages = [];
    for await (const page of snapshotItemKeyPages(db, snapshot, 3)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((k) => k.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(pages.flat()[3]).toEqual({ id: 'd', kind: 'episode', libraryId: 'libT', seriesId: 'b' });
  });

  it('ends after a full last page and yields nothing for an empty snapshot', async () => {
    const snapshot = newId();
    await insertSnapshotRows(db, 'libraryItems', [
      row(snapshot, 'x', 'movie', null),
      row(snapshot, 'y', 'movie', null),
    ]);
    const sizes = [];
    for await (const page of snapshotItemKeyPages(db, snapshot, 2)) sizes.push(page.length);
    expect(sizes).toEqual([2]);
    for await (const _ of snapshotItemKeyPages(db, newId(), 2)) throw new Error('an empty snapshot has no page');
  });
});
