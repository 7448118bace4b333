import { visibleSnapshot } from '@mj/db/testing';
import { startSimulator, type Simulator, type SimulatorOptions } from '@mj/simulator';
import { expect } from 'vitest';
import type { TestDialect } from '@mj/db/testing';
import { createHarness, type Account, type Harness, type HarnessOptions } from './harness';

export { closeAll, type Account } from './harness';

export async function simulator(opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ scale: 'demo', seed: 7, ...opts });
}

/**
 * A harness beside a demo simulator, for one describe block's `beforeAll`. `opts` may read the simulator
 * (tests that compare with its truth run the app at its reference instant: `clock: { now: () => s.now }`).
 */
export async function startWithSimulator(
  dialect: TestDialect,
  opts: (sim: Simulator) => HarnessOptions = () => ({}),
  simOpts: Partial<SimulatorOptions> = {},
): Promise<{ h: Harness; sim: Simulator }> {
  const sim = await simulator(simOpts);
  try {
    return { h: await createHarness(dialect, opts(sim)), sim };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

export type ConnectionKind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';

/** `PUT /api/connections/{kind}` as the account; `kind` is a string so tests can send unknown kinds. */
export function putConnection(h: Harness, a: { headers: Record<string, string> }, kind: string, payload: object) {
  return h.app.inject({ method: 'PUT', url: `/api/connections/${kind}`, headers: a.headers, payload });
}

/** Connects the account to the simulator's servers (Jellyfin and Jellyseerr unless told otherwise). */
export async function connect(
  h: Harness,
  a: Account,
  sim: Simulator,
  kinds: ConnectionKind[] = ['jellyfin', 'jellyseerr'],
) {
  for (const kind of kinds) {
    const res = await putConnection(h, a, kind, { url: sim[kind].url, apiKey: sim[kind].apiKey });
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
    lastRun: { id: string; status: string; mode: string; error: string | null; counts: Record<string, number> };
  };
}

/** What a reader sees right now: the current snapshots' row counts (ids omitted for equality checks). */
export async function visibleLibrary(h: Harness, tenantId: string) {
  const { ids: _ids, ...summary } = await visibleSnapshot(h.db, tenantId);
  return summary;
}
