import { classifyFailure, INFRA_GAVE_UP_MESSAGE, infraBackoffMs, shouldRetry } from '@mj/core';
import {
  acquireSyncLease,
  applyStagedLibrary,
  claimSyncRun,
  countSnapshotItems,
  deleteSnapshot,
  findSyncRun,
  flipSnapshot,
  getSyncState,
  LIBRARY_TABLES,
  finishSyncRun,
  newId,
  ownsSyncRun,
  recordSpaceTotals,
  releaseSyncLease,
  REQUEST_TABLES,
  saveSyncWatermark,
  updateSyncRun,
  type SyncCounts,
} from '@mj/db';
import { createRequestCounter } from '@mj/media';
import { loadSettings } from '../analysis/inputs';
import { recomputeTenant } from '../analysis/recompute-tenant';
import { afterSyncCleanup } from '../cleanup/auto-schedule';
import { loadServerAccess } from '../connections/connections';
import { jellyfinClient, jellyseerrClient } from '../media-context';
import { fetchArrItems } from './fetch-arr';
import { fetchRequestsIntoSnapshot } from './fetch-requests';
import { refreshBeforeSync, refreshSeerrBeforeSync } from './pre-sync-refresh';
import { RunProgress } from './progress';
import { SYNC_DEFAULTS, type SyncContext } from './sync-context';
import { shrinkGuardMessage } from './shrink-guard';
import { describeFailure, LostClaim, sleep, SyncFailure } from './sync-failure';
import { syncLibrary, type LibrarySyncResult } from './sync-library';

export type SyncOutcome = 'success' | 'partial' | 'failed' | 'skipped';

/**
 * One sync of one tenant (RULES §8), then the cleanup's upkeep that follows every sync job whatever its
 * outcome (automatic scheduling, "Leaving soon", RULES §9). Idempotent: a run that is not queued/running,
 * or whose tenant is leased by another run, is left alone. New data goes into new snapshots that only
 * become visible when the pointer flips; anything that fails before the flip is deleted and the previous
 * data stays. After the flip the tenant's analyses are recomputed from the new snapshot, in place.
 */
export async function runSync(ctx: SyncContext, input: { runId: string }): Promise<SyncOutcome> {
  const outcome = await executeRun(ctx, input.runId);
  await afterSyncCleanup(ctx, ctx.tenantId).catch(() => undefined);
  return outcome;
}

async function executeRun(ctx: SyncContext, runId: string): Promise<SyncOutcome> {
  const { db, clock, log, tenantId } = ctx;
  const run = await findSyncRun(db, tenantId, runId);
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return 'skipped';

  // One execution at a time: the run is claimed when queued, or when its worker went silent.
  const generation = await claimSyncRun(
    db,
    tenantId,
    runId,
    clock.now(),
    ctx.resumeAfterMs ?? SYNC_DEFAULTS.resumeAfterMs,
  );
  if (generation === null) {
    log.info({ tenantId, runId }, 'this run is being executed elsewhere; job dropped');
    return 'skipped';
  }
  const claim: number = generation;
  const leaseTtl = ctx.leaseTtlMs ?? SYNC_DEFAULTS.leaseTtlMs;
  if (!(await acquireSyncLease(db, tenantId, runId, clock.now(), leaseTtl))) {
    log.warn({ tenantId, runId }, 'another sync holds the lease; this run is dropped');
    await updateSyncRun(db, tenantId, runId, {
      status: 'failed',
      finishedAt: clock.now(),
      error: 'Another sync of this library was already running.',
    });
    return 'failed';
  }

  const startedAt = clock.now();
  const runAllowsShrink = run.allowShrink;
  const trigger = run.trigger;
  await updateSyncRun(db, tenantId, runId, { step: 'Starting', done: 0 });
  const progress = new RunProgress(db, tenantId, runId, () => clock.now());
  // The heartbeat both proves liveness (stale-run detection) and keeps the lease.
  const beat = setInterval(() => {
    void progress.heartbeat().catch(() => undefined);
    void acquireSyncLease(db, tenantId, runId, clock.now(), leaseTtl).catch(() => undefined);
  }, ctx.heartbeatMs ?? SYNC_DEFAULTS.heartbeatMs);
  beat.unref();
  const owned = async () => {
    if (!(await ownsSyncRun(db, tenantId, runId, claim))) throw new LostClaim();
  };

  try {
    // Our own outage (database or Redis lost) is retried here, in the execution that holds the claim and
    // the lease: same run id, same lease, bounded back-off (issue 16).
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (attempt > 1) {
          await owned();
          if (!(await acquireSyncLease(db, tenantId, runId, clock.now(), leaseTtl)))
            throw new SyncFailure('This sync lost its lease to another one; nothing was changed.');
        }
        return await attemptSync(attempt);
      } catch (error) {
        if (error instanceof LostClaim) {
          log.warn({ tenantId, runId }, 'another worker resumed this run; this execution stops');
          return 'skipped';
        }
        const kind = classifyFailure(error);
        if (!shouldRetry(kind, attempt)) throw error;
        const base = ctx.infraRetryBaseMs ?? 2_000;
        const delay = infraBackoffMs(attempt, base, base * 8);
        log.warn(
          { tenantId, runId, attempt, delay, err: (error as Error).message },
          'infrastructure failure; retrying',
        );
        await sleep(delay);
      }
    }
  } catch (error) {
    const kind = classifyFailure(error);
    const message =
      kind === 'infrastructure'
        ? INFRA_GAVE_UP_MESSAGE
        : error instanceof SyncFailure
          ? error.message
          : describeFailure('Jellyfin', error);
    if (kind === 'unexpected' && !(error instanceof SyncFailure))
      log.error({ tenantId, runId, err: error }, 'sync crashed');
    // Fenced: an execution that lost the run to another worker must not fail the run that one resumed.
    const fence = { tenantId, runId, generation: claim };
    if (!(await finishSyncRun(db, fence, { status: 'failed', finishedAt: clock.now(), error: message }))) {
      log.warn({ tenantId, runId }, 'another worker resumed this run; its failure is not recorded');
      return 'skipped';
    }
    return 'failed';
  } finally {
    clearInterval(beat);
    await releaseSyncLease(db, tenantId, runId).catch(() => undefined);
  }

  /** One attempt: fetch into new snapshots, flip them. Throws whatever stopped it. */
  async function attemptSync(attempt: number): Promise<SyncOutcome> {
    const counter = createRequestCounter();
    const counts: SyncCounts = attempt > 1 ? { infraRetries: attempt - 1 } : {};
    let librarySnapshot: string | null = null;
    let requestsSnapshot: string | null = null;
    let library: LibrarySyncResult | null = null;
    try {
      // ---- Jellyfin: required ----
      const jellyfinAccess = await loadServerAccess(ctx, tenantId, 'jellyfin');
      if (!jellyfinAccess) throw new SyncFailure('No Jellyfin server is connected.');
      librarySnapshot = newId();
      // The tenant's settings as this attempt starts: a library scan first (`preSyncRefresh`), and the
      // language Jellyseerr titles are looked up in.
      const settings = await loadSettings(ctx);
      const refresh = settings.preSyncRefresh;
      const jellyfin = jellyfinClient(ctx.media, { ...jellyfinAccess, onRequest: counter.hook });
      try {
        await progress.step('Connecting to Jellyfin');
        if (refresh) {
          await progress.step('Waiting for the Jellyfin library scan');
          counts.preSyncRefreshCompleted =
            (await refreshBeforeSync(jellyfin, log, ctx.refreshOptions)) === 'completed' ? 1 : 0;
        }
        library = await syncLibrary({
          db,
          client: jellyfin,
          tenantId,
          snapshotId: librarySnapshot,
          progress,
          now: clock.now(),
          trigger,
          log,
        });
        Object.assign(counts, library.counts);
        if (library.fullReason) counts.fullReason = { [library.fullReason]: 1 };
        await updateSyncRun(db, tenantId, runId, { mode: library.mode });
      } catch (error) {
        throw new SyncFailure(describeFailure('Jellyfin', error), { cause: error });
      } finally {
        await jellyfin.close();
      }

      const state = await getSyncState(db, tenantId);
      const previousCount = state?.librarySnapshotId ? await countSnapshotItems(db, state.librarySnapshotId) : 0;
      const newCount = (counts.movies ?? 0) + (counts.series ?? 0) + (counts.episodes ?? 0);
      const allowShrink = runAllowsShrink || !!state?.allowShrinkOnce;
      const shrink = shrinkGuardMessage(previousCount, newCount, allowShrink);
      if (shrink) throw new SyncFailure(shrink);

      await progress.step('Saving');
      await owned();
      const libraryFence = { tenantId, runId, generation: claim, now: clock.now() };
      let committedLibrary: string;
      if (library?.staged) {
        // Incremental: the staged changes join the current snapshot in one transaction (no copy).
        const { current, staleIds } = library.staged;
        if (!(await applyStagedLibrary(db, { ...libraryFence, current, staged: librarySnapshot, staleIds })))
          throw new SyncFailure('This sync lost its lease to another one; nothing was changed.');
        committedLibrary = current;
      } else {
        const flipped = await flipSnapshot(db, { ...libraryFence, part: 'library', snapshotId: librarySnapshot });
        if (!flipped) throw new SyncFailure('This sync lost its lease to another one; nothing was changed.');
        committedLibrary = librarySnapshot;
        if (flipped.previous) await deleteSnapshot(db, flipped.previous, LIBRARY_TABLES);
      }
      librarySnapshot = null;
      if (library) await saveSyncWatermark(db, tenantId, library.next);

      // ---- Jellyseerr: optional; its failure keeps the previous requests (partial) ----
      let partialReason: string | null = null;
      const seerrAccess = await loadServerAccess(ctx, tenantId, 'jellyseerr').catch((error: unknown) => {
        partialReason = describeFailure('Jellyseerr', error);
        return undefined;
      });
      if (seerrAccess) {
        requestsSnapshot = newId();
        const seerr = jellyseerrClient(ctx.media, { ...seerrAccess, onRequest: counter.hook });
        try {
          if (refresh) {
            await progress.step('Waiting for the Jellyseerr library scan');
            counts.preSyncSeerrRefreshCompleted =
              (await refreshSeerrBeforeSync(seerr, log, ctx.refreshOptions)) === 'completed' ? 1 : 0;
          }
          const result = await fetchRequestsIntoSnapshot({
            db,
            client: seerr,
            tenantId,
            librarySnapshotId: committedLibrary,
            snapshotId: requestsSnapshot,
            progress,
            now: clock.now(),
            language: settings.titleLanguage,
          });
          Object.assign(counts, result.counts);
          const flippedRequests = await flipSnapshot(db, {
            tenantId,
            runId,
            generation: claim,
            part: 'requests',
            snapshotId: requestsSnapshot,
            now: clock.now(),
          });
          if (!flippedRequests) throw new SyncFailure('This sync lost its lease to another one.');
          requestsSnapshot = null;
          if (flippedRequests.previous) await deleteSnapshot(db, flippedRequests.previous, REQUEST_TABLES);
        } catch (error) {
          // Our database going away is not Jellyseerr's fault: the whole attempt is retried.
          if (classifyFailure(error) === 'infrastructure') throw error;
          partialReason = `${describeFailure('Jellyseerr', error)} Requests are kept from the previous sync.`;
          log.warn({ tenantId, runId, err: (error as Error).message }, 'jellyseerr part of the sync failed');
        } finally {
          await seerr.close();
        }
      }

      // ---- Radarr / Sonarr: optional; a failure keeps the previous mapping (partial) ----
      const arr = await fetchArrItems({
        db,
        secrets: ctx.secrets,
        media: ctx.media,
        tenantId,
        progress,
        onRequest: counter.hook,
        now: () => clock.now(),
      });
      Object.assign(counts, arr.counts);
      if (arr.problems.length > 0) partialReason = [partialReason, ...arr.problems].filter(Boolean).join(' ');

      await progress.step('Analysing');
      await ctx.seam?.beforeAnalysis?.();
      if (ctx.seam?.analyse !== false) await recomputeTenant({ db, clock, log, tenantId, userId: 'system' });
      const finishedAt = clock.now();
      const perRoute = Object.entries(counter.snapshot());
      counts.requestsByRoute = Object.fromEntries(perRoute.map(([route, s]) => [route, s.requests]));
      counts.httpRequests = counter.total();
      // Response body bytes read: what the sync cost the servers and the network.
      counts.httpBytes = perRoute.reduce((n, [, s]) => n + s.bytes, 0);
      progress.finish();
      counts.stepMs = { ...progress.stepMs };
      const status = partialReason ? 'partial' : 'success';
      const fence = { tenantId, runId, generation: claim };
      if (!(await finishSyncRun(db, fence, { status, finishedAt, error: partialReason, counts })))
        throw new LostClaim();
      // Space over time: the day's point from the analysis the recompute just wrote (only once this run's result is final). A partial sync has a
      // fresh library too, so it counts; losing a point is not worth failing the sync for.
      await recordSpaceTotals(db, tenantId, { runId, at: finishedAt }).catch((error: unknown) =>
        log.warn({ tenantId, runId, err: (error as Error).message }, 'space totals not recorded'),
      );
      log.info(
        { tenantId, runId, status, ms: finishedAt - startedAt, requests: counter.total(), snapshot: committedLibrary },
        'sync finished',
      );
      return status;
    } finally {
      // Whatever was written for a snapshot that never became current is garbage.
      if (librarySnapshot) await deleteSnapshot(db, librarySnapshot, LIBRARY_TABLES).catch(() => undefined);
      if (requestsSnapshot) await deleteSnapshot(db, requestsSnapshot, REQUEST_TABLES).catch(() => undefined);
    }
  }
}
