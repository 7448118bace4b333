import { describe, expect, it } from 'vitest';
import { runScale } from './scale-run';

// The CI-sized version of `pnpm bench:scale`: the production topology (PostgreSQL, Redis, two real
// worker processes), one worker killed with SIGKILL a third of the way through.
describe('scale-out (PostgreSQL + Redis + 2 worker processes)', () => {
  it('syncs every tenant exactly once, none stuck, even when a worker dies mid-run', async () => {
    const result = await runScale({
      tenants: 12,
      workers: 2,
      servers: 2,
      killAt: 0.3,
      workerConcurrency: 2,
      timeoutMs: 150_000,
    });
    expect(result.killedWorker).toBe(true);
    expect(result).toMatchObject({ tenants: 12, synced: 12, duplicates: 0, stuck: 0, failed: 0 });
  }, 180_000);

  // Issue 16: the three faults together (worker SIGKILL, Redis restart, PostgreSQL restart) on private
  // instances started for the drill; every run must still end `success`, once.
  it('loses no sync when a worker dies while Redis and PostgreSQL restart', async () => {
    const result = await runScale({
      tenants: 12,
      workers: 2,
      servers: 2,
      killAt: 0.3,
      restartServicesAt: 0.3,
      workerConcurrency: 2,
      timeoutMs: 150_000,
    });
    expect(result.killedWorker).toBe(true);
    expect(result.restartedServices).toBe(true);
    expect(result.failureReasons).toEqual({});
    expect(result).toMatchObject({ tenants: 12, synced: 12, duplicates: 0, stuck: 0, failed: 0 });
  }, 180_000);
});
