import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyDay, listSpaceHistory, newId, recordSpaceTotals, SPACE_HISTORY_KEEP_DAYS } from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb, createTestTenant } from '../src/testing';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);

describe.each(TEST_DIALECTS)('space history (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function newTenant() {
    const tenantId = await createTestTenant(db, 1);
    return tenantId;
  }

  async function title(tenantId: string, size: number, flags: { old?: boolean; large?: boolean; language?: boolean }) {
    await db.q.insert(db.t.titleIssues).values({
      tenantId,
      id: newId(),
      mediaType: 'movie',
      title: 't',
      sizeBytes: size,
      watched: false,
      watchedBy: [],
      playCount: 0,
      // Old from yesterday: old at NOW, not before.
      oldSince: flags.old ? NOW - DAY : null,
      isLarge: !!flags.large,
      hasLanguage: !!flags.language,
      languageCodes: [],
      problemEpisodes: [],
      nameRank: 0,
      searchText: 't',
      evaluatedAt: NOW,
    });
  }

  it('stores the totals with could-free counting a title that is old and large once', async () => {
    const tenantId = await newTenant();
    await title(tenantId, 100, { old: true, large: true });
    await title(tenantId, 20, { old: true });
    await title(tenantId, 3, { language: true });
    await title(tenantId, 7, {});
    const row = await recordSpaceTotals(db, tenantId, { runId: 'r1', at: NOW });
    expect(row).toMatchObject({
      day: historyDay(NOW),
      totalBytes: 130,
      items: 4,
      couldFreeBytes: 120,
      couldFreeTitles: 2,
      oldCount: 2,
      oldBytes: 120,
      largeCount: 1,
      largeBytes: 100,
      languageCount: 1,
      languageBytes: 3,
    });
    expect(await listSpaceHistory(db, tenantId, NOW - 10 * DAY)).toEqual([row]);
  });

  it('keeps one point per day: the newest sync wins, a late older one does not overwrite it', async () => {
    const tenantId = await newTenant();
    await title(tenantId, 10, {});
    await recordSpaceTotals(db, tenantId, { runId: 'morning', at: NOW - 3 * 3_600_000 });
    await title(tenantId, 5, {});
    await recordSpaceTotals(db, tenantId, { runId: 'noon', at: NOW });
    await recordSpaceTotals(db, tenantId, { runId: 'late-but-older', at: NOW - 3_600_000 });
    const rows = await listSpaceHistory(db, tenantId, NOW - DAY);
    expect(rows.map((r) => [r.runId, r.totalBytes, r.items])).toEqual([['noon', 15, 2]]);

    await recordSpaceTotals(db, tenantId, { runId: 'tomorrow', at: NOW + DAY });
    expect((await listSpaceHistory(db, tenantId, NOW - DAY)).map((r) => r.runId)).toEqual(['noon', 'tomorrow']);
  });

  it('prunes points older than the kept window and lists from a given day only', async () => {
    const tenantId = await newTenant();
    const start = NOW - (SPACE_HISTORY_KEEP_DAYS + 5) * DAY;
    await recordSpaceTotals(db, tenantId, { runId: 'ancient', at: start });
    await recordSpaceTotals(db, tenantId, { runId: 'kept', at: NOW - SPACE_HISTORY_KEEP_DAYS * DAY });
    expect((await listSpaceHistory(db, tenantId, 0)).map((r) => r.runId)).toEqual(['ancient', 'kept']);
    // Today's point prunes what is older than 730 days before today: 'kept' is exactly at the edge.
    await recordSpaceTotals(db, tenantId, { runId: 'recent', at: NOW - 2 * DAY });
    await recordSpaceTotals(db, tenantId, { runId: 'today', at: NOW });
    expect((await listSpaceHistory(db, tenantId, 0)).map((r) => r.runId)).toEqual(['kept', 'recent', 'today']);
    expect((await listSpaceHistory(db, tenantId, NOW - 2 * DAY)).map((r) => r.runId)).toEqual(['recent', 'today']);
  });

  it("never reads or prunes another tenant's points", async () => {
    const a = await newTenant();
    const b = await newTenant();
    await title(a, 50, { large: true });
    await recordSpaceTotals(db, a, { runId: 'a-old', at: NOW - (SPACE_HISTORY_KEEP_DAYS + 10) * DAY });
    await recordSpaceTotals(db, b, { runId: 'b', at: NOW });
    expect((await listSpaceHistory(db, b, 0)).map((r) => [r.runId, r.totalBytes])).toEqual([['b', 0]]);
    expect((await listSpaceHistory(db, a, 0)).map((r) => r.runId)).toEqual(['a-old']);
  });
});
