import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { js, start } from './helpers';

const get = async (sim: Simulator, path: string): Promise<any> => {
  const res = await js(sim, path);
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('Jellyseerr leaves blocklisted media out of request lists, as the real server does', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('filter=all, approved and no filter omit status 6; /request/count still counts them', async () => {
    const mediaStatus = (r: any) => (r.is4k ? r.media.status4k : r.media.status);
    const media = (await get(sim, '/api/v1/media?take=100000&filter=all')).results as any[];
    const blocked = media.filter((m) => m.status === 6 || m.status4k === 6);
    expect(blocked.length, 'the demo data has blocklisted media').toBeGreaterThan(0);
    for (const filter of ['all', 'approved', null]) {
      const q = filter ? `&filter=${filter}` : '';
      const rows = (await get(sim, `/api/v1/request?take=100000${q}`)).results as any[];
      expect(
        rows.some((r) => mediaStatus(r) === 6),
        `filter=${filter}`,
      ).toBe(false);
    }
    const listed = (await get(sim, '/api/v1/request?take=100000&filter=all')).pageInfo.results as number;
    const count = await get(sim, '/api/v1/request/count');
    expect(count.total).toBeGreaterThan(listed);
  });
});
