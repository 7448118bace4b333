import { z } from 'zod';
import { PageQuery } from './analysis';
import { Instant } from './common';

// Cleanup (RULES.md §9): scheduling deletions, their lifecycle and history, restore, the audit log.

export const DeletionStatus = z.enum(['scheduled', 'executing', 'done', 'failed', 'skipped', 'cancelled']);
export type DeletionStatus = z.infer<typeof DeletionStatus>;

export const DeletionTarget = z.enum(['radarr', 'sonarr', 'jellyfin']);

export const DeletionCreateBody = z.object({
  /** `itemId`: a movie or series id from /api/issues or /api/library; `seasons` for a series only. */
  items: z
    .array(
      z.object({
        itemId: z.string().trim().min(1).max(200),
        seasons: z.array(z.number().int().min(0).max(1000)).min(1).max(200).optional(),
      }),
    )
    .min(1, 'items must list at least one title')
    .max(500, 'at most 500 titles at once'),
  /** Default: now + leavingSoonDays. Now (or earlier) executes at once. */
  executeAt: Instant.optional(),
  addImportExclusion: z.boolean().optional(),
});
export type DeletionCreateBody = z.infer<typeof DeletionCreateBody>;

export const Deletion = z.object({
  id: z.string(),
  itemId: z.string(),
  title: z.string(),
  kind: z.enum(['movie', 'series']),
  year: z.number().int().nullable(),
  sizeBytes: z.number(),
  status: DeletionStatus,
  executeAt: z.string(),
  target: DeletionTarget,
  /** Null: the whole title. */
  seasons: z.array(z.number().int()).nullable(),
  addImportExclusion: z.boolean(),
  /** Why it failed, was skipped or postponed. */
  reason: z.string().nullable(),
  executedAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  /** A done deletion through Radarr/Sonarr within 30 days. */
  restorable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deletion = z.infer<typeof Deletion>;

export const DeletionCreated = z.object({ deletions: z.array(Deletion) });

/** A status, or `history`: every deletion no longer waiting (all but `scheduled`), newest first. */
export const DeletionListStatus = z.union([DeletionStatus, z.literal('history')]);
export type DeletionListStatus = z.infer<typeof DeletionListStatus>;

export const DeletionQuery = z.object({ status: DeletionListStatus.optional(), ...PageQuery });

export const DeletionList = z.object({
  /**
   * `keepRequests`: household keep requests (RULES §10), so the Leaving soon page can show them.
   * `itemExists`: the title is still in the current library (its page and poster work); false once deleted.
   */
  items: z.array(
    Deletion.extend({
      keepRequests: z.array(z.object({ name: z.string(), at: z.string() })).optional(),
      itemExists: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const DeletionEvent = z.object({
  at: z.string(),
  status: DeletionStatus,
  actor: z.string(),
  note: z.string().nullable(),
});

export const DeletionDetail = Deletion.extend({
  history: z.array(DeletionEvent),
  /** Household keep requests (the notifications issue fills them). */
  keepRequests: z.array(z.object({ name: z.string(), at: z.string() })),
});

export const DeletionPatch = z.object({ executeAt: Instant });

export const AuditQuery = z.object({ action: z.string().trim().min(1).max(50).optional(), ...PageQuery });

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  deletionId: z.string().nullable(),
  itemId: z.string().nullable(),
  title: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const AuditList = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
