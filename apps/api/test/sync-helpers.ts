import { getSyncState } from '@mj/db';
import { startSimulator, type Simulator, type SimulatorOptions } from '@mj/simulator';
import { expect } from 'vitest';
import type { Harness } from './harness';
import { signUp } from './harness';

export async function simulator(opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ scale: 'demo', seed: 7, ...opts });
}

export type Account = Awaited<ReturnType<typeof signUp>>;

export async function connect(h: Harness, a: Account, sim: Simulator, kinds: ('jellyfin' | 'jellyseerr')[] = ['jellyfin', 'jellyseerr']) {
  for (const kind of kinds) {
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/connections/${kind}`,
      headers: a.headers,
      payload: { url: sim[kind].url, apiKey: sim[kind].apiKey },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** Starts a sync through the API and waits for the in-process runner to finish it. */
export async function syncNow(h: Harness, a: Account, body: object = {}) {
  const res = await h.app.inject({ method: 'POST', url: '/api/sync', headers: a.headers, payload: body });
  expect(res.statusCode, res.body).toBe(202);
  await h.jobs.onIdle();
  const status = await h.app.inject({ url: '/api/sync/status', headers: a.headers });
  return status.json() as {
    state: string;
    lastRun: { id: string; status: string; error: string | null; counts: Record<string, number> };
  };
}

/** What a reader sees right now: the current snapshot's row counts per kind. */
export async function visibleLibrary(h: Harness, tenantId: string) {
  const state = await getSyncState(h.db, tenantId);
  const snapshotId = state?.librarySnapshotId;
  const counts = { movie: 0, series: 0, episode: 0, watch: 0, requests: 0 };
  if (snapshotId) {
    const { libraryItems, watchRecords } = h.db.t;
    const { eq } = await import('drizzle-orm');
    for (const row of await h.db.q.select({ kind: libraryItems.kind }).from(libraryItems).where(eq(libraryItems.snapshotId, snapshotId))) {
      counts[row.kind] += 1;
    }
    counts.watch = (await h.db.q.select().from(watchRecords).where(eq(watchRecords.snapshotId, snapshotId))).length;
  }
  if (state?.requestsSnapshotId) {
    const { seerrRequests } = h.db.t;
    const { eq } = await import('drizzle-orm');
    counts.requests = (await h.db.q.select().from(seerrRequests).where(eq(seerrRequests.snapshotId, state.requestsSnapshotId))).length;
  }
  return { snapshotId, requestsSnapshotId: state?.requestsSnapshotId, ...counts };
}
