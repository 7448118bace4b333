import { claimDeletion, insertDeletions, newId, updateTitleEvaluations } from '@mj/db';
import { TEST_DIALECTS, createTestDb, type TestDb } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseLibrary, getDashboard, getTitleDetail, listIssues, recomputeTenant } from '../src';
import { generateLibrary } from './support/generate-library';
import { fixedClock, tenantWith } from './support/tenant';

const NOW = Date.UTC(2025, 5, 15, 12);
const data = generateLibrary({
  movies: 40,
  series: 4,
  episodesPerSeries: 4,
  users: 2,
  requests: 10,
  now: NOW,
  seed: 3,
});

describe.each(TEST_DIALECTS)('analysis read cache (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => db.destroy());

  it('serves a change written by another process (revision bump) on the next read', async () => {
    const ctx = await tenantWith(db, fixedClock(NOW), data);
    await recomputeTenant(ctx);
    const before = await getDashboard(ctx);
    const [large] = (await listIssues(ctx, { kind: 'large', page: 1, pageSize: 1 })).items;
    // As a worker would: rows change in the database, not through this process's services.
    await updateTitleEvaluations(db, ctx.tenantId, [
      {
        id: large!.id,
        oldSince: null,
        isLarge: false,
        hasLanguage: false,
        languageCodes: [],
        problemEpisodes: [],
        evaluatedAt: NOW,
      },
    ]);
    expect((await getDashboard(ctx)).large.count).toBe(before.large.count - 1);
  });

  it('concurrent misses share one computation (the same page object), a write starts a new one', async () => {
    const ctx = await tenantWith(db, fixedClock(NOW), data);
    await recomputeTenant(ctx);
    const query = { page: 1, pageSize: 5 } as const;
    const [a, b, c] = await Promise.all([
      browseLibrary(ctx, query),
      browseLibrary(ctx, query),
      browseLibrary(ctx, query),
    ]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    await recomputeTenant(ctx);
    const after = await browseLibrary(ctx, query);
    expect(after).not.toBe(a);
    expect(after).toEqual(a);
  });

  it("a title page follows a worker's deletion claim (scheduled, then executing)", async () => {
    const ctx = await tenantWith(db, fixedClock(NOW), data);
    await recomputeTenant(ctx);
    const [movie] = (await browseLibrary(ctx, { kind: 'movie', page: 1, pageSize: 1 })).items;
    const itemId = movie!.id;
    expect((await getTitleDetail(ctx, { itemId })).deletion).toBeNull();
    const id = newId();
    await insertDeletions(
      db,
      [
        {
          id,
          tenantId: ctx.tenantId,
          itemId,
          kind: 'movie',
          title: movie!.title,
          sizeBytes: 1,
          status: 'scheduled',
          executeAt: NOW,
          addImportExclusion: false,
          target: 'radarr',
          chosenByUser: true,
          scheduledBy: 'user',
          attempts: 0,
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
      [],
    );
    expect((await getTitleDetail(ctx, { itemId })).deletion?.status).toBe('scheduled');
    expect(await claimDeletion(db, id, 'worker:a', NOW, 30_000)).toBeDefined();
    expect((await getTitleDetail(ctx, { itemId })).deletion?.status).toBe('executing');
  });
});
