import { syncRunStats } from '@mj/db';
import type { ServiceContext } from '../context';

const DAY_MS = 86_400_000;

/** Every tenant's sync outcomes and durations over the last 24 h, for the operator's /metrics. */
export function syncStatsLastDay(ctx: Pick<ServiceContext, 'db' | 'clock'>) {
  return syncRunStats(ctx.db, ctx.clock.now() - DAY_MS);
}
