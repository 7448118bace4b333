import { updateTitleEvaluations } from '@mj/db';
import { TEST_DIALECTS, createTestDb, type TestDb } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDashboard, listIssues, recomputeTenant } from '../src';
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
});
