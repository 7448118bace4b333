import { buildArrIndex, canRestore, DAY_MS, deletionTarget, MAX_INSTANT_MS } from '@mj/core';
import type { DeletionCreateBody, DeletionStatus } from '@mj/contracts';
import {
  existingTitleIds,
  findDeletion,
  findTitleRow,
  insertDeletions,
  keepRequestsFor,
  listArrItems,
  listDeletionEvents,
  newId,
  openDeletionsFor,
  pageDeletions,
  rescheduleDeletion,
  seasonSizes,
  transitionDeletion,
  type DeletionInsert,
  type DeletionRow,
  providerIdsOf,
} from '@mj/db';
import { loadSettings, loadTitleMatcher } from '../analysis/inputs';
import type { TenantContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import type { CleanupQueue } from './cleanup-queue';
import { auditOf, toDeletionDto } from './deletion-view';

// Scheduling and managing deletions (RULES §9). Nothing is removed here: execution is the job's
// (execute-deletion.ts), which re-checks everything at its time.

export interface CleanupContext extends TenantContext {
  /** Who acts, for the history and the audit log: `user:<email>`, `api-token:<email>` or `schedule`. */
  actor: string;
  queue: CleanupQueue;
}

/**
 * A user's status change on one of their deletions, written with its audit entry at the same instant
 * and by the same actor. Undefined when the row was no longer in a `from` status.
 */
export function actOnDeletion(
  ctx: CleanupContext,
  row: DeletionRow,
  now: number,
  change: {
    from: readonly DeletionStatus[];
    to: DeletionStatus;
    action: string;
    detail?: Record<string, unknown>;
  } & Pick<Parameters<typeof transitionDeletion>[3], 'note' | 'set'>,
) {
  const { action, detail, ...rest } = change;
  return transitionDeletion(ctx.db, ctx.tenantId, row.id, {
    ...rest,
    at: now,
    actor: ctx.actor,
    audit: [auditOf(row, action, now, ctx.actor, detail)],
  });
}

const toMs = (input: string | number) => (typeof input === 'number' ? input : Date.parse(input));
const itemError = (itemId: string, message: string) =>
  invalid('validation_error', message, [{ field: 'items', message: `${itemId}: ${message}` }]);

/**
 * Schedules one title or a selection, all or nothing: 400 for an unknown item, seasons on a movie or a
 * title no target can delete; 409 for a protected or already scheduled one.
 */
export async function scheduleDeletions(ctx: CleanupContext, body: DeletionCreateBody) {
  const now = ctx.clock.now();
  const settings = await loadSettings(ctx);
  const executeAt =
    body.executeAt === undefined ? now + settings.leavingSoonDays * DAY_MS : Math.max(now, toMs(body.executeAt));
  if (!Number.isFinite(executeAt) || executeAt > MAX_INSTANT_MS)
    throw invalid('validation_error', 'executeAt must be a date', [{ field: 'executeAt', message: 'must be a date' }]);
  const ids = body.items.map((i) => i.itemId);
  if (new Set(ids).size !== ids.length) throw invalid('validation_error', 'each title may be listed once');

  const [matcher, arrItems, open] = await Promise.all([
    loadTitleMatcher(ctx, now),
    listArrItems(ctx.db, ctx.tenantId),
    openDeletionsFor(ctx.db, ctx.tenantId, ids),
  ]);
  const arr = buildArrIndex(arrItems);
  const rows: DeletionInsert[] = [];
  for (const item of body.items) {
    const title = await findTitleRow(ctx.db, ctx.tenantId, item.itemId);
    if (!title) throw itemError(item.itemId, 'no movie or series with this id in the library');
    if (item.seasons && title.mediaType !== 'series') throw itemError(item.itemId, 'seasons only apply to a series');
    const ref = {
      kind: title.mediaType,
      id: title.id,
      providerIds: providerIdsOf(title),
    };
    if (matcher.has('content', ref))
      throw conflict(
        'protected',
        `"${title.title}" is protected (content whitelist): remove it from the whitelist first.`,
      );
    if (open.some((d) => d.itemId === title.id))
      throw conflict('already_scheduled', `"${title.title}" is already scheduled for deletion.`);
    const arrItem = arr.match(ref);
    const target = deletionTarget(title.mediaType, arrItem !== null, settings.allowJellyfinDelete);
    if (!target)
      throw itemError(
        item.itemId,
        `not found in ${title.mediaType === 'movie' ? 'Radarr' : 'Sonarr'}, and deleting through Jellyfin is not allowed (allowJellyfinDelete)`,
      );
    const seasons = item.seasons ? [...new Set(item.seasons)].sort((a, b) => a - b) : null;
    if (seasons && target === 'jellyfin')
      throw itemError(item.itemId, 'deleting chosen seasons needs Sonarr; Jellyfin can only delete the whole series');
    let sizeBytes = title.sizeBytes ?? 0;
    if (seasons) {
      const sizes = await seasonSizes(ctx.db, ctx.tenantId, title.id);
      sizeBytes = seasons.reduce((sum, n) => sum + (sizes.get(n) ?? 0), 0);
    }
    rows.push({
      id: newId(now),
      tenantId: ctx.tenantId,
      itemId: title.id,
      kind: title.mediaType,
      title: title.title,
      year: title.year,
      tmdbId: title.tmdbId,
      tvdbId: title.tvdbId,
      imdbId: title.imdbId,
      seasons,
      sizeBytes,
      status: 'scheduled',
      executeAt,
      addImportExclusion: body.addImportExclusion ?? false,
      target,
      arrItem,
      chosenByUser: ctx.actor !== 'schedule',
      lastWatchedAtSchedule: title.lastWatchedAt,
      addedAt: title.addedAt,
      reason: null,
      scheduledBy: ctx.actor,
      leaseOwner: null,
      leaseUntil: null,
      attempts: 0,
      executedAt: null,
      restoredAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  await insertDeletions(
    ctx.db,
    rows,
    rows.map((row) =>
      auditOf(row as DeletionRow, 'schedule', now, ctx.actor, {
        executeAt: new Date(row.executeAt).toISOString(),
        target: row.target,
        seasons: row.seasons ?? null,
      }),
    ),
  );
  for (const row of rows)
    if (row.executeAt <= now)
      await ctx.queue.executeDeletion({ tenantId: ctx.tenantId, deletionId: row.id, executeAt: row.executeAt });
  await ctx.queue.refreshLeavingSoon(ctx.tenantId);
  return { deletions: rows.map((row) => toDeletionDto(row as DeletionRow, now)) };
}

export async function listDeletions(
  ctx: TenantContext,
  query: { status?: DeletionStatus | 'history'; page: number; pageSize: number },
) {
  const now = ctx.clock.now();
  const { rows, total } = await pageDeletions(ctx.db, ctx.tenantId, {
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const keeps = await keepRequestsFor(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  const keepsOf = (id: string) =>
    keeps.filter((k) => k.deletionId === id).map((k) => ({ name: k.name, at: new Date(k.at).toISOString() }));
  const existing = await existingTitleIds(
    ctx.db,
    ctx.tenantId,
    rows.map((r) => r.itemId),
  );
  return {
    items: rows.map((row) => ({
      ...toDeletionDto(row, now),
      keepRequests: keepsOf(row.id),
      itemExists: existing.has(row.itemId),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function own(ctx: TenantContext, id: string): Promise<DeletionRow> {
  const row = await findDeletion(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('deletion_not_found', `No deletion ${id}.`);
  return row;
}

export async function getDeletion(ctx: TenantContext, id: string) {
  const row = await own(ctx, id);
  const events = await listDeletionEvents(ctx.db, ctx.tenantId, id);
  const keeps = await keepRequestsFor(ctx.db, ctx.tenantId, [id]);
  return {
    ...toDeletionDto(row, ctx.clock.now()),
    history: events.map((e) => ({ at: new Date(e.at).toISOString(), status: e.status, actor: e.actor, note: e.note })),
    keepRequests: keeps.map((k) => ({ name: k.name, at: new Date(k.at).toISOString() })),
  };
}

/** Moves a scheduled deletion; 409 once it is no longer scheduled. Now (or earlier) executes at once. */
export async function moveDeletion(ctx: CleanupContext, id: string, input: { executeAt: string | number }) {
  const row = await own(ctx, id);
  const now = ctx.clock.now();
  const executeAt = Math.max(now, toMs(input.executeAt));
  const moved = await rescheduleDeletion(ctx.db, ctx.tenantId, id, executeAt, now, [
    auditOf(row, 'move', now, ctx.actor, {
      from: new Date(row.executeAt).toISOString(),
      to: new Date(executeAt).toISOString(),
    }),
  ]);
  if (!moved) throw conflict('not_scheduled', `This deletion is ${row.status}: only a scheduled one can be moved.`);
  if (executeAt <= now) await ctx.queue.executeDeletion({ tenantId: ctx.tenantId, deletionId: id, executeAt });
  return toDeletionDto(moved, now);
}

/** Cancels a scheduled deletion (one action, RULES §9 "Undo"); 409 otherwise. */
export async function cancelDeletion(ctx: CleanupContext, id: string): Promise<void> {
  const row = await own(ctx, id);
  const now = ctx.clock.now();
  const cancelled = await actOnDeletion(ctx, row, now, { from: ['scheduled'], to: 'cancelled', action: 'cancel' });
  if (!cancelled)
    throw conflict('not_scheduled', `This deletion is ${row.status}: only a scheduled one can be cancelled.`);
  await ctx.queue.refreshLeavingSoon(ctx.tenantId);
}

/** Whether a done deletion can still be restored (the use-case itself lives in restore-deletion.ts). */
export async function restorableDeletion(ctx: TenantContext, id: string): Promise<DeletionRow> {
  const row = await own(ctx, id);
  if (!canRestore(row, ctx.clock.now()))
    throw conflict(
      'not_restorable',
      row.status !== 'done'
        ? `This deletion is ${row.status}: only a done one can be restored.`
        : row.restoredAt !== null
          ? 'This title was restored already.'
          : row.target === 'jellyfin'
            ? 'Deleted through Jellyfin: there is no Radarr/Sonarr entry to add back.'
            : 'Restore is possible for 30 days after the deletion.',
    );
  return row;
}
