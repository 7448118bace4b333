import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { connect, syncNow, startWithSimulator, closeAll } from './sync-helpers';

describe.each(TEST_DIALECTS)('media libraries (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect));
  });
  afterAll(() => closeAll(h, sim));

  const list = (a: { headers: Record<string, string> }) =>
    h.app.inject({ url: '/api/media-libraries', headers: a.headers });

  it('is empty before the first sync', async () => {
    const a = await signUp(h.app);
    const res = await list(a);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });

  it('lists the synced Jellyfin libraries by name; another tenant sees none of them', async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');

    const items = (await list(a)).json().items as { id: string; name: string; collectionType: string | null }[];
    expect(items.map((l) => l.name)).toEqual(['Kids', 'Movies', 'Music', 'TV Shows']);
    expect(items.find((l) => l.name === 'Music')?.collectionType).toBe('music');
    expect(items.find((l) => l.name === 'Movies')?.collectionType).toBe('movies');
    expect(new Set(items.map((l) => l.id)).size).toBe(4);

    expect((await list(b)).json()).toEqual({ items: [] });
  });

  it('requires a signed-in user', async () => {
    expect((await h.app.inject({ url: '/api/media-libraries' })).statusCode).toBe(401);
  });
});
