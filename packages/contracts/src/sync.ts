import { z } from 'zod';

export const SyncRequestBody = z
  .object({
    /** Apply this sync even if the library shrank by more than half (after a shrink-guard failure). */
    allowShrink: z.boolean().optional(),
  })
  .nullish();

export const SyncStarted = z.object({ runId: z.string() });

const Counts = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]).optional()).nullable();

export const SyncProgress = z.object({ step: z.string().nullable(), done: z.number(), total: z.number().nullable() });

const SyncMode = z.enum(['full', 'incremental']).nullable();

export const SyncStatusResponse = z.object({
  state: z.enum(['idle', 'queued', 'running']),
  runId: z.string().nullable(),
  progress: SyncProgress,
  lastRun: z
    .object({
      id: z.string(),
      status: z.enum(['success', 'partial', 'failed']),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      error: z.string().nullable(),
      /** How the library was read (ADR 0005): a whole read, or only what changed; null if it failed before. */
      mode: SyncMode,
      counts: Counts,
    })
    .nullable(),
});
export type SyncStatusResponse = z.infer<typeof SyncStatusResponse>;

/**
 * The data of each `event: status` of `GET /api/sync/events`: the same status, named so the OpenAPI
 * document carries it as a component and the web's generated types cover the stream (ADR 0009).
 */
export const SyncStatusEvent = SyncStatusResponse.meta({ id: 'SyncStatusEvent' });
export type SyncStatusEvent = z.infer<typeof SyncStatusEvent>;

export const SyncRun = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'success', 'partial', 'failed']),
  trigger: z.enum(['manual', 'schedule', 'connect']),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  mode: SyncMode,
  counts: Counts,
  progress: SyncProgress,
});

export const SyncRunsResponse = z.object({ items: z.array(SyncRun) });
export const SyncRunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
