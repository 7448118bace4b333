import { clockMovedRanges, DAY_MS, MIN_VALID_DATE_MS, deriveTitleFacts, type TitleFacts } from '@mj/core';
import {
  applyIncrementalEvaluation,
  getAnalysisState,
  listStoredTitleKeys,
  moviesWithoutValidAddedAt,
  titlesWithDatesIn,
  titlesWithProviderIds,
  usersAndLibraries,
  loadLibraryTitles,
} from '@mj/db';
import type { TenantContext } from '../context';
import { evaluateTitle, titleRow } from './evaluate-titles';
import { withNicknames } from './inputs';
import {
  loadRequestInputs,
  mayMatchRequest,
  nameRanks,
  requestCandidates,
  requestRowsAndState,
  TITLE_BATCH,
  type Inputs,
  type RecomputeResult,
} from './recompute-parts';

/**
 * The incremental recompute, or null when it cannot prove its result equals a full one (no earlier
 * evaluation of this tenant, the clock went back, or stored per-title counts predate migration 0013).
 */
export async function recomputeChanged(
  ctx: TenantContext,
  { settings, pointers, matcher, nicknames }: Inputs,
  now: number,
  changedTitleIds: Iterable<string>,
): Promise<RecomputeResult | null> {
  const { db, tenantId } = ctx;
  const snapshotId = pointers.librarySnapshotId;
  const [state, stored] = await Promise.all([getAnalysisState(db, tenantId), listStoredTitleKeys(db, tenantId)]);
  if (!state || !snapshotId || now < state.evaluatedAt) return null;
  if (stored.reduce((sum, row) => sum + row.unknownStreams, 0) !== state.unknownStreams) return null;

  const { seerr, arr, wanted, addedFallback } = await loadRequestInputs(db, tenantId, pointers, settings, now);
  const ranges = clockMovedRanges(state.evaluatedAt, now, settings.languageCheckAddedWithinDays);
  const [requestTitles, clockTitles, fallbackTitles] = await Promise.all([
    titlesWithProviderIds(db, tenantId, snapshotId, [...wanted]),
    titlesWithDatesIn(db, tenantId, snapshotId, ranges.added, ranges.played),
    // A request that went away takes its "added" fallback with it: re-derive every movie that may use one.
    moviesWithoutValidAddedAt(db, tenantId, snapshotId, MIN_VALID_DATE_MS, now + DAY_MS),
  ]);
  // A renamed Jellyfin user (or a nickname) moves `watchedBy` of every title they watched.
  const { users } = await usersAndLibraries(db, tenantId, snapshotId);
  const userNames = new Map(users.map((user) => [user.id, nicknames.get(user.id) ?? user.name]));
  const renamed = stored
    .filter((row) => row.watchedBy.some((watcher) => userNames.get(watcher.id) !== watcher.name))
    .map((row) => row.id);
  const changed = new Set(changedTitleIds);
  const derive = [...new Set([...changed, ...requestTitles, ...clockTitles, ...fallbackTitles, ...renamed])].sort();

  const titles: ReturnType<typeof titleRow>[] = [];
  const requestFacts: TitleFacts[] = [];
  const derivedIds = new Set<string>();
  let unknownStreams = 0;
  for (let i = 0; i < derive.length; i += TITLE_BATCH) {
    const library = await loadLibraryTitles(db, tenantId, snapshotId, derive.slice(i, i + TITLE_BATCH));
    for (const title of deriveTitleFacts(withNicknames(library, nicknames), settings, now, addedFallback)) {
      const { evaluation, unknownStreams: unknown } = evaluateTitle(title, settings, matcher, now);
      unknownStreams += unknown;
      titles.push(titleRow(tenantId, title, evaluation, 0, arr.match(title), unknown));
      derivedIds.add(title.id);
      if (mayMatchRequest(title, wanted)) requestFacts.push(title);
    }
  }
  // Kept rows: every stored title not re-derived and not removed (a changed id the snapshot lacks).
  const kept = stored.filter((row) => !derivedIds.has(row.id) && !changed.has(row.id));
  const removedIds = stored.filter((row) => changed.has(row.id) && !derivedIds.has(row.id)).map((row) => row.id);
  for (const row of kept) unknownStreams += row.unknownStreams;

  const { issues, recent } = requestCandidates(seerr.requests, requestFacts, settings, matcher, nicknames, now);
  const ranks = nameRanks([
    ...kept.map((row) => ({ key: row.id, name: row.title })),
    ...titles.map((row) => ({ key: row.id, name: row.title })),
    ...issues.map((issue) => ({ key: `request:${issue.requestId}`, name: issue.title })),
  ]);
  for (const row of titles) row.nameRank = ranks.get(row.id) ?? 0;
  const movedRanks: { id: string; nameRank: number }[] = [];
  const movedArr: { id: string; app: 'radarr' | 'sonarr' | null; arrId: number | null }[] = [];
  for (const row of kept) {
    const rank = ranks.get(row.id) ?? 0;
    if (rank !== row.nameRank) movedRanks.push({ id: row.id, nameRank: rank });
    // `match` reads the kind and provider ids, trimmed and lower-cased: as the row stores them.
    const item = arr.match({
      kind: row.mediaType,
      providerIds: { tmdb: row.tmdbId, tvdb: row.tvdbId, imdb: row.imdbId },
    });
    const app = item?.app ?? null;
    const arrId = item?.arrId ?? null;
    if (app !== row.arrApp || arrId !== row.arrId) movedArr.push({ id: row.id, app, arrId });
  }
  await applyIncrementalEvaluation(db, tenantId, {
    removedIds,
    titles,
    ranks: movedRanks,
    arr: movedArr,
    ...requestRowsAndState(tenantId, { issues, recent, ranks, pointers, unknownStreams, now }),
  });
  const total = kept.length + titles.length;
  ctx.log.info(
    {
      tenantId,
      titles: total,
      derived: titles.length,
      ranksMoved: movedRanks.length,
      arrMoved: movedArr.length,
      requests: issues.length,
      recent: recent.length,
    },
    'analysis recomputed (incremental)',
  );
  return { titles: total, requests: issues.length, recent: recent.length, unknownStreams };
}
