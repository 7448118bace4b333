import { TEST_DIALECTS } from '@mj/db/testing';
import { insertSyncRun, newId } from '@mj/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { createHarness, signUp, type Harness, closeAll } from './harness';
import { startReceiver, type Receiver, sweepNow } from './notify-support';

// RULES §10: "sync failed twice in a row or a key rejected". One failure alone stays quiet.

describe.each(TEST_DIALECTS)('sync-failed events (%s)', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await createHarness(dialect, { clock });
  });
  afterAll(() => closeAll(h, receiver));

  /** A tenant with a webhook for sync-failed at `/<path>`, and a helper to add its finished runs. */
  async function tenant(path: string) {
    const t = await signUp(h.app);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: t.headers,
      payload: { type: 'webhook', name: 'Sync', events: ['sync-failed'], url: `${receiver.url}/${path}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const add = async (status: 'failed' | 'success' | 'partial', error: string | null, agoMs: number) => {
      const now = clock.now();
      const id = newId(now - agoMs);
      await insertSyncRun(h.db, {
        id,
        tenantId: t.tenantId,
        status,
        trigger: 'schedule',
        allowShrink: false,
        step: null,
        done: 0,
        total: null,
        error,
        counts: null,
        createdAt: now - agoMs - 60_000,
        startedAt: now - agoMs - 60_000,
        finishedAt: now - agoMs,
        heartbeatAt: null,
      });
      return id;
    };
    const got = () => receiver.received.filter((r) => r.url === `/${path}`).map((r) => JSON.parse(r.body));
    return { add, got };
  }
  const sweep = () => sweepNow(h, clock);

  it('one failure alone does not notify; the second in a row does, once, keyed on the second run, scrubbed', async () => {
    const t = await tenant('twice');
    await t.add('success', null, 7_200_000);
    await t.add('failed', 'Jellyfin: the server did not answer', 3_600_000);
    await sweep();
    expect(t.got()).toHaveLength(0);
    const key = '0123456789abcdef0123456789abcdef';
    const second = await t.add('failed', `Jellyfin refused at http://10.0.0.5:8096/Items?api_key=${key}`, 1000);
    await sweep();
    await sweep();
    const got = t.got();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ event: 'sync-failed', data: { runId: second } });
    expect(got[0].text).toContain('Jellyfin refused at');
    expect(JSON.stringify(got[0])).not.toContain(key);
    expect(JSON.stringify(got[0])).not.toContain('10.0.0.5');
    // A third failure in the same streak is not told again.
    await t.add('failed', 'Jellyfin: the server did not answer', 500);
    await sweep();
    expect(t.got()).toHaveLength(1);
  });

  it('a failure after a success is not an alarm even when an older streak failed', async () => {
    const t = await tenant('reset');
    await t.add('failed', 'x', 5_000_000);
    await t.add('failed', 'x', 4_000_000);
    await t.add('success', null, 3_000_000);
    await t.add('failed', 'x', 1000);
    await sweep();
    // Only the older streak's second failure (within the last day) was told.
    expect(t.got()).toHaveLength(1);
  });

  it('a rejected key notifies at once, from a failed or a partial run', async () => {
    const t = await tenant('key');
    await t.add('success', null, 7_200_000);
    const failed = await t.add('failed', 'Jellyfin rejected the API key. Reconnect the server with a valid key.', 2000);
    await sweep();
    expect(t.got().map((b) => b.data.runId)).toEqual([failed]);
    const p = await tenant('key-partial');
    const partial = await p.add(
      'partial',
      'Jellyseerr rejected the API key. Reconnect the server with a valid key. Requests are kept from the previous sync.',
      1000,
    );
    await sweep();
    expect(p.got().map((b) => b.data.runId)).toEqual([partial]);
    expect(p.got()[0].text).toContain('rejected the API key');
  });
});
