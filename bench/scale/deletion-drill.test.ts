import { describe, expect, it } from 'vitest';
import { runDeletionDrill } from './deletion-drill';

// Issue 16, cleanup side: deletions interrupted by a worker SIGKILL (during its Radarr DELETE), a
// Redis restart and a PostgreSQL restart each execute exactly once. Private PostgreSQL/Redis only.
describe('deletion drill (PostgreSQL + Redis + 2 worker processes)', () => {
  it('every deletion ends done with exactly one DELETE per Radarr movie, none stuck', async () => {
    const result = await runDeletionDrill({ tenants: 3, perTenant: 4, log: (line) => console.log(`[drill] ${line}`) });
    console.log(`[drill] ${JSON.stringify(result)}`);
    expect(result.killedWorker).toBe(true);
    expect(result).toMatchObject({ deletions: 12, done: 12, stuck: 0, doubleDeletes: [], missedDeletes: [] });
    // The killed worker's DELETE reached Radarr: its resume finished it without calling again.
    expect(result.resumedAlreadyDeleted).toBeGreaterThanOrEqual(1);
  }, 150_000);
});
