import { z } from 'zod';
import { defineJob } from '../src';

// Two jobs shaped like the sync's (services/src/sync/sync-jobs.ts): the providers only carry definitions,
// so their tests define their own.
const id = z.string().min(1);

/** Interactive work: runs first. */
export const userJob = defineJob('test.user', z.object({ tenantId: id, runId: id }), { priority: 1 });

/** Nightly work: scheduled per tenant, runs after interactive jobs. */
export const nightlyJob = defineJob('test.nightly', z.object({ tenantId: id }), { priority: 10 });
