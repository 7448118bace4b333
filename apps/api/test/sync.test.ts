import { randomBytes } from 'node:crypto';
import { findConnection, insertSyncRun, newId, updateConnectionCipher } from '@mj/db';
import { connectionAad, SecretBox } from '@mj/services';
import { snapshotRowCount, TEST_DIALECTS, visibleSnapshot } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { closeAll, connect, simulator, startWithSimulator, syncNow, visibleLibrary } from './sync-helpers';

describe.each(TEST_DIALECTS)('sync (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect));
  });
  afterAll(() => closeAll(h, sim));
  afterEach(() => {
    sim.setFaults('jellyfin', {});
    sim.setFaults('jellyseerr', {});
    sim.restoreApiKey('jellyfin');
    sim.setDetailsOffline({ movie: false, tv: false });
  });

  it('POST /api/sync without a Jellyfin connection is 409 not_connected', async () => {
    const a = await signUp(h.app);
    const res = await h.app.inject({ method: 'POST', url: '/api/sync', headers: a.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_connected');
  });

  it('syncs the whole library, watch history and requests into a snapshot', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    sim.resetStats();
    const status = await syncNow(h, a);
    expect(status.state).toBe('idle');
    expect(status.lastRun.status, status.lastRun.error ?? '').toBe('success');
    expect(status.lastRun.mode).toBe('full');
    // The run reports the response bytes it read: all of Jellyseerr's and most of Jellyfin's (the
    // leaving-soon collection check after the analysis is not the sync's; the exact count is proven
    // in packages/media/test/jellyfin-client.test.ts).
    const served = sim.stats();
    expect(status.lastRun.counts.httpBytes).toBeGreaterThan(served.jellyseerr.bytes + served.jellyfin.bytes / 2);
    expect(status.lastRun.counts.httpBytes).toBeLessThanOrEqual(served.jellyfin.bytes + served.jellyseerr.bytes);
    const truth = sim.truth();
    expect(status.lastRun.counts).toMatchObject({
      movies: truth.counts.movies,
      series: truth.counts.series,
      episodes: truth.counts.episodes,
      users: truth.counts.users,
      requests: truth.counts.requests,
    });
    const seen = await visibleLibrary(h, a.tenantId);
    expect(seen).toMatchObject({
      movie: truth.counts.movies,
      series: truth.counts.series,
      episode: truth.counts.episodes,
      requests: truth.counts.requests,
    });
    expect(seen.watch).toBeGreaterThan(0);
    const runs = await h.app.inject({ url: '/api/sync/runs', headers: a.headers });
    expect(runs.json().items[0]).toMatchObject({
      id: status.lastRun.id,
      status: 'success',
      trigger: 'manual',
      mode: 'full',
    });
  });

  it('a second sync replaces the snapshot, deletes the old rows and makes no enrichment call', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    const first = await syncNow(h, a);
    expect(first.lastRun.counts.enrichmentRequests).toBeGreaterThan(0);
    const before = await visibleLibrary(h, a.tenantId);
    const second = await syncNow(h, a);
    expect(second.lastRun.status).toBe('success');
    expect(second.lastRun.counts.enrichmentRequests).toBe(0);
    const after = await visibleLibrary(h, a.tenantId);
    expect(after.snapshotId).not.toBe(before.snapshotId);
    expect(after.movie).toBe(before.movie);
    expect(await snapshotRowCount(h.db, before.snapshotId!)).toBe(0);
  });

  it.each([
    ['5xx on every page', { routes: { 'GET /Items': { errorRate: 1 } } }, /Jellyfin/],
    ['connection resets', { routes: { 'GET /Items': { resetRate: 1 } } }, /Jellyfin/],
    ['429 without end', { routes: { 'GET /Items': { rateLimitRate: 1, retryAfterSeconds: 0 } } }, /Jellyfin/],
    ['truncated JSON', { routes: { 'GET /Items': { truncateRate: 1 } } }, /Jellyfin/],
    ['malformed JSON', { routes: { 'GET /Items': { malformedRate: 1 } } }, /Jellyfin/],
  ])('a Jellyfin failure (%s) fails the run and leaves the previous data intact', async (_name, faults, message) => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    await syncNow(h, a);
    const before = await visibleLibrary(h, a.tenantId);
    sim.setFaults('jellyfin', faults);
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('failed');
    expect(status.lastRun.error).toMatch(message);
    expect(await visibleLibrary(h, a.tenantId)).toEqual(before);
  });

  it('transient errors are retried and the sync succeeds', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    sim.setFaults('jellyfin', { routes: { 'GET /Items': { errorRate: 1, times: 2 } } });
    const status = await syncNow(h, a);
    expect(status.lastRun.status, status.lastRun.error ?? '').toBe('success');
  });

  it('an API key revoked mid-sync fails with a clear message and keeps the previous data', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    await syncNow(h, a);
    const before = await visibleLibrary(h, a.tenantId);
    sim.setFaults('jellyfin', { revokeAfter: 3 });
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('failed');
    expect(status.lastRun.error).toMatch(/Jellyfin rejected the API key/);
    expect(await visibleLibrary(h, a.tenantId)).toEqual(before);
  });

  it('Jellyseerr down gives a partial run: library updated, requests kept from before', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    await syncNow(h, a);
    const before = await visibleLibrary(h, a.tenantId);
    sim.setFaults('jellyseerr', { errorRate: 1 });
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('partial');
    expect(status.lastRun.error).toMatch(/Jellyseerr.*kept from the previous sync/);
    const after = await visibleLibrary(h, a.tenantId);
    expect(after.snapshotId).not.toBe(before.snapshotId);
    expect(after.requestsSnapshotId).toBe(before.requestsSnapshotId);
    expect(after.requests).toBe(before.requests);
  });

  it('title lookups failing (no TMDB access) do not fail the sync', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    sim.setDetailsOffline({ movie: true, tv: true });
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('success');
  });

  it('a failed title lookup is asked again at the next sync, one probe first; successes stay cached 7 days', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    const placeholderTitles = async () => {
      const res = await h.app.inject({ url: '/api/issues?kind=request&pageSize=200', headers: a.headers });
      return (res.json().items as { title: string }[]).filter((i) => /^TMDB \d+$/.test(i.title)).length;
    };
    sim.setDetailsOffline({ movie: true, tv: true });
    const offline = await syncNow(h, a);
    expect(offline.lastRun.status).toBe('success');
    // Jellyseerr cannot reach TMDB: one lookup (the probe), not one per request.
    expect(offline.lastRun.counts.enrichmentRequests).toBe(1);
    expect(await placeholderTitles()).toBeGreaterThan(0);
    expect((await syncNow(h, a)).lastRun.counts.enrichmentRequests).toBe(1);

    // Jellyseerr recovered: the very next (manual) sync asks again and every title is back.
    sim.setDetailsOffline({ movie: false, tv: false });
    const recovered = await syncNow(h, a);
    expect(recovered.lastRun.counts.enrichmentRequests).toBeGreaterThan(1);
    expect(await placeholderTitles()).toBe(0);
    // Successes are cached: nothing is asked again.
    expect((await syncNow(h, a)).lastRun.counts.enrichmentRequests).toBe(0);
  });

  it('paging drift loses and duplicates nothing', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    sim.setFaults('jellyfin', { drift: { addPerPage: 1 } });
    const status = await syncNow(h, a);
    expect(status.lastRun.status, status.lastRun.error ?? '').toBe('success');
    const seen = await visibleSnapshot(h.db, a.tenantId);
    expect(new Set(seen.ids).size).toBe(seen.ids.length);
    expect(seen.movie).toBeGreaterThanOrEqual(sim.counts.movies);
  });

  it('the shrink guard refuses a library that lost more than half, until allowed', async () => {
    // Mostly movies, so losing them all is losing more than half of the items.
    const local = await simulator({ seed: 11, scale: { movies: 100, series: 2, episodes: 4, users: 2, requests: 3 } });
    try {
      const a = await signUp(h.app);
      await connect(h, a, local, ['jellyfin']);
      await syncNow(h, a);
      const before = await visibleLibrary(h, a.tenantId);
      local.removeMovies(10_000);
      const refused = await syncNow(h, a);
      expect(refused.lastRun.status).toBe('failed');
      expect(refused.lastRun.error).toMatch(/Library shrank from \d+ to \d+ items: is a drive offline\?/);
      expect(await visibleLibrary(h, a.tenantId)).toEqual(before);
      const applied = await syncNow(h, a, { allowShrink: true });
      expect(applied.lastRun.status).toBe('success');
      expect((await visibleLibrary(h, a.tenantId)).movie).toBe(0);
    } finally {
      await local.close();
    }
  });

  it('one sync at a time: a second POST while one is queued is 409', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    sim.setFaults('jellyfin', { latencyMs: 30 });
    const first = await h.app.inject({ method: 'POST', url: '/api/sync', headers: a.headers });
    const second = await h.app.inject({ method: 'POST', url: '/api/sync', headers: a.headers });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('sync_in_progress');
    const running = await h.app.inject({ url: '/api/sync/status', headers: a.headers });
    expect(['queued', 'running']).toContain(running.json().state);
    await h.jobs.onIdle();
  });

  it('a run whose worker stopped heartbeating is marked failed when the status is read', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    const runId = newId();
    const longAgo = Date.now() - 10 * 60_000;
    await insertSyncRun(h.db, {
      id: runId,
      tenantId: a.tenantId,
      status: 'running',
      trigger: 'manual',
      allowShrink: false,
      done: 0,
      createdAt: longAgo,
      startedAt: longAgo,
      heartbeatAt: longAgo,
    });
    const status = await h.app.inject({ url: '/api/sync/status', headers: a.headers });
    expect(status.json().state).toBe('idle');
    expect(status.json().lastRun).toMatchObject({
      id: runId,
      status: 'failed',
      error: expect.stringMatching(/stopped responding/),
    });
    // And the tenant can sync again.
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
  });

  it('isolates tenants: status, runs and sync belong to the caller only', async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    await syncNow(h, a);
    const statusB = await h.app.inject({ url: '/api/sync/status', headers: b.headers });
    expect(statusB.json()).toMatchObject({ state: 'idle', lastRun: null });
    expect((await h.app.inject({ url: '/api/sync/runs', headers: b.headers })).json().items).toEqual([]);
    expect((await h.app.inject({ method: 'POST', url: '/api/sync', headers: b.headers })).statusCode).toBe(409);
  });

  it('a stored key that cannot be decrypted asks to reconnect instead of crashing', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    // As if the deployment lost the encryption key that sealed this connection.
    const sealedElsewhere = new SecretBox([{ id: 'lost', key: randomBytes(32) }]).seal(
      sim.jellyfin.apiKey,
      connectionAad(a.tenantId, 'jellyfin'),
    );
    await updateConnectionCipher(h.db, a.tenantId, 'jellyfin', sealedElsewhere);
    const connection = await h.app.inject({ url: '/api/connections/jellyfin', headers: a.headers });
    expect(connection.json()).toMatchObject({ configured: true, keyReadable: false });
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('failed');
    expect(status.lastRun.error).toMatch(/Reconnect your server/);
  });

  it("aes-gcm aad: a key copied into another tenant's row is refused there", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    await connect(h, b, sim, ['jellyfin']);
    const rowA = await findConnection(h.db, a.tenantId, 'jellyfin');
    await updateConnectionCipher(h.db, b.tenantId, 'jellyfin', rowA!.apiKeyCipher);
    const connection = await h.app.inject({ url: '/api/connections/jellyfin', headers: b.headers });
    expect(connection.json()).toMatchObject({ configured: true, keyReadable: false });
    const status = await syncNow(h, b);
    expect(status.lastRun.status).toBe('failed');
    expect(status.lastRun.error).toMatch(/Reconnect your server/);
  });

  it('rejects bad input', async () => {
    const a = await signUp(h.app);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: a.headers,
      payload: { allowShrink: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('allowShrink');
    expect((await h.app.inject({ url: '/api/sync/runs?limit=0', headers: a.headers })).statusCode).toBe(400);
  });
});
