import type { ArrApp, ArrItem, ArrSeason } from '@mj/core';
import type { Kit } from '../kit';
import { tenantRef, providerIds, timestamps } from './columns';
import type { Tenants } from './accounts';

export type DeletionStatus = 'scheduled' | 'executing' | 'done' | 'failed' | 'skipped' | 'cancelled';
export type DeletionTarget = 'radarr' | 'sonarr' | 'jellyfin';

/**
 * Cleanup (RULES.md §9): which Radarr/Sonarr item holds each title (refreshed by every sync), the
 * deletions with their lifecycle, each deletion's transitions, and the tenant's audit log.
 */
export function defineCleanup(k: Kit, tenants: Tenants) {
  /** Replaced per app by every sync that reads Radarr/Sonarr; provider ids as text, like the library. */
  const arrItems = k.table(
    'arr_items',
    {
      tenantId: tenantRef(k, tenants),
      app: k.text('app').$type<ArrApp>().notNull(),
      arrId: k.int('arr_id').notNull(),
      title: k.text('title').notNull(),
      year: k.int('year'),
      ...providerIds(k),
      qualityProfileId: k.int('quality_profile_id').notNull(),
      rootFolderPath: k.text('root_folder_path').notNull(),
      path: k.text('path'),
      monitored: k.bool('monitored').notNull(),
      tags: k.json<number[]>('tags').notNull(),
      seasons: k.json<ArrSeason[]>('seasons').notNull(),
      sizeOnDisk: k.big('size_on_disk').notNull(),
      syncedAt: k.big('synced_at').notNull(),
    },
    (t) => [
      k.primaryKey({ columns: [t.tenantId, t.app, t.arrId] }),
      k.index('arr_items_tmdb_idx').on(t.tenantId, t.tmdbId),
      k.index('arr_items_tvdb_idx').on(t.tenantId, t.tvdbId),
    ],
  );

  const deletions = k.table(
    'deletions',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      /** The Jellyfin id of the movie or series when scheduled. */
      itemId: k.text('item_id').notNull(),
      kind: k.text('kind').$type<'movie' | 'series'>().notNull(),
      title: k.text('title').notNull(),
      year: k.int('year'),
      ...providerIds(k),
      /** Null: the whole title; else the chosen seasons of a series. */
      seasons: k.json<number[]>('seasons'),
      sizeBytes: k.big('size_bytes').notNull(),
      status: k.text('status').$type<DeletionStatus>().notNull(),
      executeAt: k.big('execute_at').notNull(),
      addImportExclusion: k.bool('add_import_exclusion').notNull(),
      target: k.text('target').$type<DeletionTarget>().notNull(),
      /** The Radarr/Sonarr item as it was (ids, profile, folder, monitoring, tags): what restore re-adds. */
      arrItem: k.json<ArrItem>('arr_item'),
      /** Set when the owner scheduled this very title (an unknown added date is then allowed). */
      chosenByUser: k.bool('chosen_by_user').notNull(),
      /** The title's last watch when scheduled: a newer one means "watched since", so skipped. */
      lastWatchedAtSchedule: k.big('last_watched_at_schedule'),
      addedAt: k.big('added_at'),
      reason: k.text('reason'),
      scheduledBy: k.text('scheduled_by').notNull(),
      /** Row lease of the executor: a deletion runs once even with two workers or a restart. */
      leaseOwner: k.text('lease_owner'),
      leaseUntil: k.big('lease_until'),
      /** Fencing token: bumped by every claim; each write of the executor checks it (issue 16). */
      leaseGeneration: k.int('lease_generation').notNull().default(0),
      /**
       * Set (fenced) right before the Radarr/Sonarr/Jellyfin DELETE: a re-claim that finds it set asks
       * the target whether the item is still there instead of deleting a second time.
       */
      targetCalledAt: k.big('target_called_at'),
      attempts: k.int('attempts').notNull(),
      executedAt: k.big('executed_at'),
      restoredAt: k.big('restored_at'),
      ...timestamps(k),
    },
    (t) => [
      k.index('deletions_due_idx').on(t.status, t.executeAt),
      k.index('deletions_tenant_status_idx').on(t.tenantId, t.status, t.executeAt),
      k.index('deletions_tenant_item_idx').on(t.tenantId, t.itemId),
    ],
  );

  /** Every transition of a deletion, with its time and actor (never edited). */
  const deletionEvents = k.table(
    'deletion_events',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      deletionId: k.text('deletion_id').notNull(),
      at: k.big('at').notNull(),
      actor: k.text('actor').notNull(),
      status: k.text('status').$type<DeletionStatus>().notNull(),
      note: k.text('note'),
    },
    (t) => [k.index('deletion_events_deletion_idx').on(t.deletionId, t.at)],
  );

  /** The tenant's audit log (RULES §9): kept 365 days, never edited, exportable as CSV. */
  const auditLog = k.table(
    'audit_log',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      at: k.big('at').notNull(),
      actor: k.text('actor').notNull(),
      action: k.text('action').notNull(),
      deletionId: k.text('deletion_id'),
      itemId: k.text('item_id'),
      title: k.text('title'),
      sizeBytes: k.big('size_bytes'),
      detail: k.json<Record<string, unknown>>('detail').notNull(),
    },
    (t) => [k.index('audit_log_tenant_at_idx').on(t.tenantId, t.at)],
  );

  return { arrItems, deletions, deletionEvents, auditLog };
}
