import { visibleSnapshot } from '@mj/db/testing';
import { startSimulator, type Simulator, type SimulatorOptions } from '@mj/simulator';
import { expect } from 'vitest';
import type { Harness } from './harness';
import { signUp } from './harness';

export async function simulator(opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ scale: 'demo', seed: 7, ...opts });
}

export type Account = Awaited<ReturnType<typeof signUp>>;

export async function connect(
  h: Harness,
  a: Account,
  sim: Simulator,
  kinds: ('jellyfin' | 'jellyseerr')[] = ['jellyfin', 'jellyseerr'],
) {
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
    lastRun: {
      id: string;
      status: string;
      error: string | null;
      mode: string | null;
      counts: Record<string, number>;
    };
  };
}

/** What a reader sees right now: the current snapshots' row counts (ids omitted for equality checks). */
export async function visibleLibrary(h: Harness, tenantId: string) {
  const { ids: _ids, ...summary } = await visibleSnapshot(h.db, tenantId);
  return summary;
}
