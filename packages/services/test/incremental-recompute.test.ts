import type { ArrItem, Library } from '@mj/core';
import { replaceArrItems } from '@mj/db';
import { writeSnapshotFixture } from '@mj/db/testing';
import { TEST_DIALECTS, createTestDb, type TestDb } from '@mj/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTenant, updateSettings } from '../src';
import { generateLibrary } from './support/generate-library';
import { fixedClock, silentLog, tenantWith } from './support/tenant';

const NOW = Date.UTC(2025, 5, 15, 12);
const DAY = 86_400_000;
const WINDOW_DAYS = 400;

/** Every stored analysis row of a tenant, without the tenant, snapshot ids and revision. */
async function storedRows(db: TestDb, tenantId: string) {
  const { titleIssues, requestIssues, recentItems, analysisState } = db.t;
  const strip = <T extends { tenantId: string }>(rows: T[]) => rows.map(({ tenantId: _tenant, ...rest }) => rest);
  const byKey = (a: { id?: string; requestId?: number }, b: { id?: string; requestId?: number }) =>
    String(a.id ?? a.requestId).localeCompare(String(b.id ?? b.requestId));
  const [titles, requests, recent, state] = await Promise.all([
    db.q.select().from(titleIssues).where(eq(titleIssues.tenantId, tenantId)),
    db.q.select().from(requestIssues).where(eq(requestIssues.tenantId, tenantId)),
    db.q.select().from(recentItems).where(eq(recentItems.tenantId, tenantId)),
    db.q.select().from(analysisState).where(eq(analysisState.tenantId, tenantId)),
  ]);
  return {
    titles: strip(titles).sort(byKey),
    requests: strip(requests).sort(byKey),
    recent: strip(recent).sort(byKey),
    state: state.map(({ unknownStreams, evaluatedAt }) => ({ unknownStreams, evaluatedAt })),
  };
}

describe.each(TEST_DIALECTS)('incremental recompute parity (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => db.destroy());

  it('stores after scripted snapshot changes exactly what a full recompute stores', async () => {
    const data = generateLibrary({ movies: 120, series: 16, episodesPerSeries: 8, users: 4, requests: 50, now: NOW });
    const library: Library = structuredClone(data.library);
    const clock = fixedClock(NOW);
    const messages: string[] = [];
    const incremental = {
      ...(await tenantWith(db, clock, { ...data, library })),
      log: { ...silentLog, info: (_: unknown, message?: string) => void messages.push(message ?? '') },
    };
    const full = await tenantWith(db, clock, { ...data, library });
    for (const ctx of [incremental, full]) await updateSettings(ctx, { languageCheckAddedWithinDays: WINDOW_DAYS });

    const step = async (changed: string[]) => {
      for (const ctx of [incremental, full])
        await writeSnapshotFixture(db, ctx.tenantId, { ...data, library }, clock.now());
      messages.length = 0;
      const result = await recomputeTenant(incremental, { changedTitleIds: changed });
      // The incremental path ran (it falls back to a full recompute when it cannot prove parity).
      expect(messages).toContain('analysis recomputed (incremental)');
      const expected = await recomputeTenant(full);
      expect(result).toEqual(expected);
      expect(await storedRows(db, incremental.tenantId)).toEqual(await storedRows(db, full.tenantId));
    };

    // An unchanged sync, with Radarr/Sonarr items holding some titles.
    const arrItem = (app: 'radarr' | 'sonarr', arrId: number, ids: { tmdb?: string | null; tvdb?: string | null }) =>
      ({
        app,
        arrId,
        title: `arr ${arrId}`,
        year: null,
        tmdbId: app === 'radarr' && ids.tmdb ? Number(ids.tmdb) : null,
        tvdbId: app === 'sonarr' && ids.tvdb ? Number(ids.tvdb) : null,
        imdbId: null,
        qualityProfileId: 1,
        rootFolderPath: '/media',
        path: null,
        monitored: true,
        tags: [],
        seasons: [],
        sizeOnDisk: 0,
      }) satisfies ArrItem;
    const withTmdb = library.movies.filter((m) => m.providerIds.tmdb);
    const withTvdb = library.series.filter((s) => s.providerIds.tvdb);
    expect(withTmdb.length).toBeGreaterThan(12);
    expect(withTvdb.length).toBeGreaterThan(2);
    const setArr = async (movies: ArrItem[], series: ArrItem[]) => {
      for (const ctx of [incremental, full]) {
        await replaceArrItems(db, ctx.tenantId, 'radarr', movies, clock.now());
        await replaceArrItems(db, ctx.tenantId, 'sonarr', series, clock.now());
      }
    };
    await setArr(
      [arrItem('radarr', 1, withTmdb[1]!.providerIds), arrItem('radarr', 2, withTmdb[2]!.providerIds)],
      [arrItem('sonarr', 1, withTvdb[0]!.providerIds)],
    );
    await step([]);

    // The *arr mapping moves without any Jellyfin change: a new id, a new item, an item gone.
    await setArr(
      [arrItem('radarr', 7, withTmdb[2]!.providerIds), arrItem('radarr', 3, withTmdb[12]!.providerIds)],
      [arrItem('sonarr', 1, withTvdb[1]!.providerIds)],
    );
    await step([]);

    // An added movie, a removed movie, a renamed one (its name rank moves past others).
    const added = { ...structuredClone(library.movies[0]!), id: 'movie-new', name: 'Aaa First', providerIds: {} };
    library.movies.push(added);
    const removed = library.movies.splice(3, 1)[0]!;
    library.movies[5]!.name = 'Zzz Last';
    await step([added.id, removed.id, library.movies[5]!.id]);

    // A new episode of a series, a play and an unplay.
    const series = library.series[1]!;
    const episode = { ...structuredClone(library.episodes.find((e) => e.seriesId === series.id)!), id: 'ep-new' };
    episode.addedAt = NOW - 2 * DAY;
    library.episodes.push(episode);
    const user = library.users[0]!.id;
    const movie = library.movies[7]!;
    library.watches = library.watches.filter((w) => !(w.userId === user && w.itemId === movie.id));
    library.watches.push({
      userId: user,
      itemId: movie.id,
      played: true,
      playbackPositionTicks: 0,
      playCount: 1,
      lastPlayedAt: NOW - DAY,
    });
    const unplayed = library.watches.find((w) => w.played && w.itemId !== movie.id)!;
    unplayed.played = false;
    const unplayedTitle = library.episodes.find((e) => e.id === unplayed.itemId)?.seriesId ?? unplayed.itemId;
    await step([series.id, movie.id, unplayedTitle]);

    // A Jellyfin user renamed: every title they watched shows the new name, though no item changed.
    library.users[0]!.name = 'Renamed Watcher';
    await step([]);

    // Time alone: an item's date leaves the language window, and a future date becomes valid.
    const leaving = library.movies[9]!;
    leaving.addedAt = clock.now() - WINDOW_DAYS * DAY + DAY;
    const future = library.movies[10]!;
    future.addedAt = clock.now() + 3 * DAY;
    await step([leaving.id, future.id]);
    clock.set(NOW + 3 * DAY);
    await step([]);
  });
});
