import { MAX_INSTANT_MS } from '@mj/core';
import { repairStoredData } from '@mj/db';
import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLibrary, testClock, type LibraryAccount } from './analysis-support';
import { createHarness, type Harness } from './harness';

// Issue 10: "expiresAt given as a number has no upper bound" (9007199254740991 saved, then 500 forever).
describe.each(TEST_DIALECTS)('date inputs are bounded (%s)', (dialect) => {
  let h: Harness;
  let a: LibraryAccount;
  beforeAll(async () => {
    h = await createHarness(dialect, { clock: testClock() });
    a = await accountWithLibrary(h);
  });
  afterAll(async () => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: a.headers, ...(payload ? { payload } : {}) });
  const firstLarge = async () =>
    ((await call('GET', '/api/issues?kind=large&pageSize=5')).json().items as { id: string }[])[0]!.id;

  it('expiresAt past year 9999 is a 400 on add, patch and import, and nothing is saved', async () => {
    const itemId = await firstLarge();
    for (const expiresAt of [Number.MAX_SAFE_INTEGER, MAX_INSTANT_MS + 1, 8.64e15]) {
      const added = await call('POST', '/api/whitelists/large', { itemId, expiresAt });
      expect(added.statusCode, added.body).toBe(400);
      expect(added.json().code).toBe('validation_error');
    }
    const imported = await call('POST', '/api/whitelists/large/import', {
      text: 'anything',
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    expect(imported.statusCode).toBe(400);
    expect((await call('GET', '/api/whitelists/large')).json().items).toEqual([]);

    const ok = await call('POST', '/api/whitelists/large', { itemId, expiresAt: MAX_INSTANT_MS });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().expiresAt).toBe('9999-12-31T23:59:59.999Z');
    const patched = await call('PATCH', `/api/whitelists/large/${ok.json().id}`, {
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
    expect(patched.statusCode).toBe(400);
  });

  it('a bad stored expiry reads without a 500 and the start-up repair clamps it', async () => {
    const list = await call('GET', '/api/whitelists/large');
    const [entry] = list.json().items as { id: string }[];
    const w = h.db.t.whitelistEntries;
    // What the unbounded version stored (this database holds only this entry).
    await h.db.q.update(w).set({ expiresAt: Number.MAX_SAFE_INTEGER });

    const read = await call('GET', '/api/whitelists/large');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().items[0].expiresAt).toBe('9999-12-31T23:59:59.999Z');
    expect((await call('GET', '/api/issues?kind=large')).statusCode).toBe(200);

    expect(await repairStoredData(h.db)).toEqual({ whitelistExpiries: 1 });
    const [row] = await h.db.q.select().from(w);
    expect(row!.id).toBe(entry!.id);
    expect(row!.expiresAt).toBe(MAX_INSTANT_MS);
    expect(await repairStoredData(h.db)).toEqual({ whitelistExpiries: 0 });
  });
});
