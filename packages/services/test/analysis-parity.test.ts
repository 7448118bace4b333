import {
  computeTotals,
  deriveTitleFacts,
  evaluateTenant,
  issuesAt,
  resolveSettings,
  type SeerrRequest,
} from '@mj/core';
import { TEST_DIALECTS, createTestDb, type TestDb } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhitelistEntry,
  getDashboard,
  listIssues,
  recomputeTenant,
  removeWhitelistEntry,
  updateSettings,
  updateWhitelistEntry,
  type TenantContext,
} from '../src';
import { generateLibrary } from './support/generate-library';
import { fixedClock, tenantWith } from './support/tenant';

const NOW = Date.UTC(2025, 5, 15, 12);
const DAY = 86_400_000;
const data = generateLibrary({ movies: 160, series: 24, episodesPerSeries: 10, users: 4, requests: 60, now: NOW });

/** What core says, from the same inputs (no whitelists, default settings unless given). */
function coreEvaluation(
  now: number,
  settings = resolveSettings({}),
  requests: readonly SeerrRequest[] = data.requests,
) {
  const titles = deriveTitleFacts(data.library, settings, now);
  return evaluateTenant({ titles, requests, settings, whitelists: [], now });
}

/** The stored rows as `id -> issues at now` (only titles with an issue). */
async function storedIssues(ctx: TenantContext) {
  const page = await listIssues(ctx, { page: 1, pageSize: 200 });
  const all = [...page.items];
  for (let p = 2; all.length < page.total; p += 1)
    all.push(...(await listIssues(ctx, { page: p, pageSize: 200 })).items);
  return new Map(all.map((item) => [item.id, item.issues]));
}

describe.each(TEST_DIALECTS)('analysis storage parity (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => db.destroy());

  it('stores exactly what core evaluateTenant computes, and the dashboard equals core totals', async () => {
    const clock = fixedClock(NOW);
    const ctx = await tenantWith(db, clock, data);
    await recomputeTenant(ctx);
    const core = coreEvaluation(NOW);

    const expected = new Map<string, unknown>();
    for (const row of core.titles) {
      const issues = issuesAt(row, NOW);
      if (issues.length) expected.set(row.id, issues);
    }
    for (const row of core.requests) expected.set(row.id, row.issues);
    const stored = await storedIssues(ctx);
    expect(stored.size).toBe(expected.size);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));

    const dashboard = await getDashboard(ctx);
    const totals = computeTotals(core.titles, core.requests, core.recent.length, NOW);
    expect(dashboard.old).toEqual(totals.old);
    expect(dashboard.large).toEqual(totals.large);
    expect(dashboard.language.count).toBe(totals.language.count);
    expect(dashboard.requests.count).toBe(totals.requests.count);
    expect(dashboard.recent.count).toBe(totals.recent.count);
    // The generated data must exercise every kind, or this test proves little.
    for (const kind of ['old', 'large', 'language'] as const) expect(totals[kind].count).toBeGreaterThan(0);
    expect(totals.requests.count).toBeGreaterThan(0);
  });

  it('re-evaluates "old" at read time as the clock moves, without a recompute', async () => {
    const clock = fixedClock(NOW);
    const ctx = await tenantWith(db, clock, data);
    await recomputeTenant(ctx);
    const later = NOW + 200 * DAY;
    clock.set(later);
    const dashboard = await getDashboard(ctx);
    // Core at `later` with facts derived at NOW: only time moved.
    const core = coreEvaluation(NOW);
    expect(dashboard.old).toEqual(computeTotals(core.titles, [], 0, later).old);
    expect(dashboard.old.count).toBeGreaterThan((await getDashboardAt(ctx, clock, NOW)).old.count);
  });

  it('applies a settings change in the same request', async () => {
    const clock = fixedClock(NOW);
    const ctx = await tenantWith(db, clock, data);
    await recomputeTenant(ctx);
    await updateSettings(ctx, {
      largeMovieGiB: 5,
      requiredAudioLanguages: ['en'],
      releaseGraceDays: 0,
      showUnreleasedRequests: true,
    });
    const settings = resolveSettings({
      largeMovieGiB: 5,
      requiredAudioLanguages: ['eng'],
      releaseGraceDays: 0,
      showUnreleasedRequests: true,
    });
    const core = coreEvaluation(NOW, settings);
    const totals = computeTotals(core.titles, core.requests, core.recent.length, NOW);
    const dashboard = await getDashboard(ctx);
    expect(dashboard.large).toEqual(totals.large);
    expect(dashboard.language.count).toBe(totals.language.count);
    expect(dashboard.requests.count).toBe(totals.requests.count);
  });

  it('incremental whitelist changes leave the same rows as a full recompute', async () => {
    const clock = fixedClock(NOW);
    const ctx = await tenantWith(db, clock, data);
    await recomputeTenant(ctx);
    const language = (await listIssues(ctx, { kind: 'language', page: 1, pageSize: 50 })).items;
    const large = (await listIssues(ctx, { kind: 'large', page: 1, pageSize: 50 })).items;
    const old = (await listIssues(ctx, { kind: 'old', page: 1, pageSize: 50 })).items;
    const series = language.find((item) => item.problemEpisodes?.length);
    expect(series && large[0] && old[0] && language[1]).toBeTruthy();

    await addWhitelistEntry(ctx, 'content', { itemId: old[0]!.id });
    await addWhitelistEntry(ctx, 'large', { itemId: large[0]!.id, expiresAt: NOW + DAY });
    await addWhitelistEntry(ctx, 'language-exempt', { itemId: language[1]!.id });
    await addWhitelistEntry(ctx, 'subtitles-suffice', { itemId: language[0]!.id });
    await addWhitelistEntry(ctx, 'original-language-only', { itemId: series!.id, languages: ['fr'] });
    await addWhitelistEntry(ctx, 'episode-exempt', { itemId: series!.problemEpisodes![0]!.id });
    const temp = await addWhitelistEntry(ctx, 'content', { itemId: old[1]!.id });
    await updateWhitelistEntry(ctx, 'content', temp.id, NOW + 2 * DAY);
    const removed = await addWhitelistEntry(ctx, 'language-exempt', { itemId: language[2]!.id });
    await removeWhitelistEntry(ctx, 'language-exempt', removed.id);

    const snapshot = async () => {
      const { titleIssues } = db.t;
      const { eq } = await import('drizzle-orm');
      const rows = await db.q.select().from(titleIssues).where(eq(titleIssues.tenantId, ctx.tenantId));
      return rows.map(({ evaluatedAt: _e, ...row }) => row).sort((a, b) => (a.id < b.id ? -1 : 1));
    };
    const incremental = await snapshot();
    expect(incremental.find((r) => r.id === old[0]!.id)!.oldSince).toBeNull();
    expect(incremental.find((r) => r.id === large[0]!.id)!.isLarge).toBe(false);
    expect(incremental.find((r) => r.id === language[1]!.id)!.hasLanguage).toBe(false);
    await recomputeTenant(ctx);
    expect(await snapshot()).toEqual(incremental);

    // Expiry: a day and a bit later the large entry no longer protects, on the next read.
    clock.set(NOW + DAY + 1);
    const after = await listIssues(ctx, { kind: 'large', page: 1, pageSize: 200 });
    expect(after.items.map((item) => item.id)).toContain(large[0]!.id);
    const expired = await snapshot();
    await recomputeTenant(ctx);
    expect(await snapshot()).toEqual(expired);
  });
});

async function getDashboardAt(ctx: TenantContext, clock: ReturnType<typeof fixedClock>, at: number) {
  const previous = clock.now();
  clock.set(at);
  try {
    return await getDashboard(ctx);
  } finally {
    clock.set(previous);
  }
}
