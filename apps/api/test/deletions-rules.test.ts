import { TEST_DIALECTS } from '@mj/db/testing';
import { enqueueDueDeletions, executeDeletion } from '@mj/services';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { cleanupAccount, radarrMovies } from './cleanup-support';
import { type Harness, silent } from './harness';
import { closeAll, startWithSimulator, syncNow, type Account } from './sync-helpers';

// RULES.md §9 beyond the happy path: the pause, the daily cap, the automatic rule, the audit of
// settings and connections, and "never twice" under concurrent executors.

type Json = any;
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('deletion rules (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  const clock = testClock(Date.now());
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, () => ({ clock }), { seed: 13 }));
    a = await cleanupAccount(h, sim);
  });
  afterAll(() => closeAll(h, sim));

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: a.headers, ...(payload ? { payload } : {}) });
  const get = async (id: string): Promise<Json> => (await call('GET', `/api/deletions/${id}`)).json();
  const deps = () => ({
    db: h.db,
    clock,
    log: silent,
    secrets: h.deps.secrets,
    media: h.deps.media,
    queue: h.deps.cleanup,
  });

  it('a tenant-wide pause stops every execution; its change is in the audit log', async () => {
    const [movie] = await radarrMovies(h, a.tenantId);
    expect((await call('PATCH', '/api/settings', { cleanupPaused: true })).statusCode).toBe(200);
    const res = await call('POST', '/api/deletions', { items: [{ itemId: movie!.id }], executeAt: clock.now() });
    await h.jobs.onIdle();
    const d = await get(res.json().deletions[0].id);
    expect(d.status).toBe('scheduled');
    expect(d.reason).toBe('cleanup is paused');
    const audit = (await call('GET', '/api/audit?action=settings.cleanup')).json().items;
    expect(audit[0]).toMatchObject({ actor: `user:${a.email}`, detail: { cleanupPaused: { from: false, to: true } } });
    expect((await call('PATCH', '/api/settings', { cleanupPaused: false })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/deletions/${d.id}`)).statusCode).toBe(204);
  });

  it('the daily cap: beyond maxDeletionGiBPerDay the deletion waits for the next day', async () => {
    const [, movie] = await radarrMovies(h, a.tenantId);
    expect((await call('PATCH', '/api/settings', { maxDeletionGiBPerDay: 1 })).statusCode).toBe(200);
    const res = await call('POST', '/api/deletions', { items: [{ itemId: movie!.id }], executeAt: clock.now() });
    await h.jobs.onIdle();
    const d = await get(res.json().deletions[0].id);
    expect(d.status).toBe('scheduled');
    expect(d.reason).toMatch(/daily cap/);
    expect(Date.parse(d.executeAt)).toBeGreaterThan(clock.now());
    expect(Date.parse(d.executeAt) - clock.now()).toBeLessThanOrEqual(24 * HOUR + 15 * 60_000);
    expect((await call('PATCH', '/api/settings', { maxDeletionGiBPerDay: 2000 })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/deletions/${d.id}`)).statusCode).toBe(204);
  });

  it('never twice: two executors racing for one due deletion, one wins, Radarr is called once', async () => {
    const [, , movie] = await radarrMovies(h, a.tenantId);
    expect((await call('PATCH', '/api/settings', { cleanupPaused: true })).statusCode).toBe(200);
    const res = await call('POST', '/api/deletions', { items: [{ itemId: movie!.id }], executeAt: clock.now() + HOUR });
    expect((await call('PATCH', '/api/settings', { cleanupPaused: false })).statusCode).toBe(200);
    clock.set(clock.now() + 2 * HOUR);
    sim.resetStats();
    const id = res.json().deletions[0].id;
    const outcomes = await Promise.all([
      executeDeletion(deps(), a.tenantId, id, 'worker:one'),
      executeDeletion(deps(), a.tenantId, id, 'worker:two'),
    ]);
    expect(outcomes.sort()).toEqual(['done', 'not-claimed']);
    expect(sim.stats().radarr?.routes['DELETE /api/v3/movie/:id']?.requests).toBe(1);
    // A third attempt (a retried job) finds nothing to do.
    expect(await executeDeletion(deps(), a.tenantId, id, 'worker:three')).toBe('not-claimed');
    expect((await get(id)).status).toBe('done');
  });

  it('a worker that died mid-way: its lease expires and another executor finishes the job', async () => {
    const [, , , movie] = await radarrMovies(h, a.tenantId);
    const res = await call('POST', '/api/deletions', { items: [{ itemId: movie!.id }], executeAt: clock.now() + HOUR });
    const id = res.json().deletions[0].id;
    clock.set(clock.now() + 2 * HOUR);
    // Claimed by a worker that then died (the row stays `executing` with its lease).
    const { claimDeletion } = await import('@mj/db');
    expect(await claimDeletion(h.db, id, 'worker:dead', clock.now(), 10 * 60_000)).toBeDefined();
    expect(await executeDeletion(deps(), a.tenantId, id, 'worker:alive')).toBe('not-claimed');
    clock.set(clock.now() + 11 * 60_000);
    expect(await executeDeletion(deps(), a.tenantId, id, 'worker:alive')).toBe('done');
  });

  it('autoSchedule schedules old titles after a sync, never those with an unknown added date, never again once cancelled', async () => {
    expect((await call('PATCH', '/api/settings', { autoSchedule: true, leavingSoonDays: 30 })).statusCode).toBe(200);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
    await h.jobs.onIdle();
    const scheduled = (await call('GET', '/api/deletions?status=scheduled&pageSize=200')).json().items as Json[];
    expect(scheduled.length).toBeGreaterThan(0);
    const old = (await call('GET', '/api/issues?kind=old&pageSize=200')).json().items as Json[];
    const byId = new Map(old.map((i) => [i.id, i]));
    for (const d of scheduled) {
      expect(byId.get(d.itemId)?.addedAt, d.title).not.toBeNull();
      expect(Date.parse(d.executeAt) - clock.now()).toBe(30 * 24 * HOUR);
    }
    const audit = (await call('GET', '/api/audit?action=schedule&pageSize=200')).json().items as Json[];
    expect(audit.some((e) => e.actor === 'schedule')).toBe(true);
    // Cancelled by the owner: the next sync does not bring it back.
    const first = scheduled[0]!;
    expect((await call('DELETE', `/api/deletions/${first.id}`)).statusCode).toBe(204);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
    await h.jobs.onIdle();
    const again = (await call('GET', '/api/deletions?status=scheduled&pageSize=200')).json().items as Json[];
    expect(again.map((d) => d.itemId)).not.toContain(first.itemId);
    expect((await call('PATCH', '/api/settings', { autoSchedule: false })).statusCode).toBe(200);
  });

  it('the minute tick finds due deletions in the database (a lost queue loses nothing) and runs each once', async () => {
    const movies = await radarrMovies(h, a.tenantId);
    const movie = movies[5]!;
    const res = await call('POST', '/api/deletions', { items: [{ itemId: movie.id }], executeAt: clock.now() + HOUR });
    const id = res.json().deletions[0].id;
    // Not due yet: the tick enqueues nothing for it.
    expect(await enqueueDueDeletions({ db: h.db, clock }, h.deps.cleanup)).toBe(0);
    clock.set(clock.now() + 2 * HOUR);
    // Two processes ticking at once: the same job id, one execution.
    sim.resetStats();
    await Promise.all([
      enqueueDueDeletions({ db: h.db, clock }, h.deps.cleanup),
      enqueueDueDeletions({ db: h.db, clock }, h.deps.cleanup),
    ]);
    await h.jobs.onIdle();
    expect((await get(id)).status).toBe('done');
    expect(sim.stats().radarr?.routes['DELETE /api/v3/movie/:id']?.requests).toBe(1);
    expect(await enqueueDueDeletions({ db: h.db, clock }, h.deps.cleanup)).toBe(0);
  });

  it('connection changes are audited, without the key', async () => {
    const audit = (await call('GET', '/api/audit?action=connection.save&pageSize=50')).json().items as Json[];
    expect(audit.map((e) => e.detail.kind).sort()).toEqual(['jellyfin', 'jellyseerr', 'radarr', 'sonarr']);
    const all = JSON.stringify((await call('GET', '/api/audit?pageSize=200')).json());
    for (const key of [sim.jellyfin.apiKey, sim.radarr.apiKey, sim.sonarr.apiKey]) expect(all).not.toContain(key);
  });
});
