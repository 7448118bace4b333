import { TEST_DIALECTS } from '@mj/db/testing';
import { insertDeletions, newId } from '@mj/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { signUp, type Harness, closeAll } from './harness';
import { deletionRow, type Receiver, startNotifyHarness, sweepNow } from './notify-support';
import type { SmtpCapture } from './smtp';

// RULES §10: the weekly digest, at the tenant's local day and hour, once per ISO week and channel.

type Json = any;

describe.each(TEST_DIALECTS)('weekly digest (%s)', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  let smtp: SmtpCapture;
  // Monday 2026-10-26, the day after Paris leaves summer time: 09:00 Paris is 08:00 UTC.
  const clock = testClock(Date.parse('2026-10-26T07:59:00Z'));

  beforeAll(async () => {
    ({ h, receiver, smtp } = await startNotifyHarness(dialect, clock));
  });
  afterAll(() => closeAll(h, receiver, smtp));

  it('settings validate the slot: 0-6 or a day name, hour 0-23', async () => {
    const t = await signUp(h.app);
    const patch = (body: object) =>
      h.app.inject({ method: 'PATCH', url: '/api/settings', headers: t.headers, payload: body });
    for (const bad of [
      { digestDay: 7 },
      { digestDay: 'someday' },
      { digestHour: 24 },
      { digestHour: -1 },
      { digestDay: 1.5 },
    ])
      expect((await patch(bad)).statusCode, JSON.stringify(bad)).toBe(400);
    const ok = await patch({ digestDay: 'Friday', digestHour: 18 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ digestDay: 5, digestHour: 18 });
  });

  it('is sent after the local slot, not before, once per week (two sweeps, one delivery), by webhook and email', async () => {
    const t = await signUp(h.app);
    const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      h.app.inject({ method, url, headers: t.headers, payload });
    expect(
      (await call('PATCH', '/api/settings', { timeZone: 'Europe/Paris', digestDay: 'monday', digestHour: 9 }))
        .statusCode,
    ).toBe(200);
    for (const body of [
      { type: 'webhook', name: 'Hook', events: ['digest'], url: `${receiver.url}/digest` },
      { type: 'email', name: 'Mail', events: ['digest'], to: ['family@example.test'] },
    ])
      expect((await call('POST', '/api/notifications/channels', body)).statusCode).toBe(201);
    const now = clock.now();
    await insertDeletions(
      h.db,
      [
        deletionRow({
          tenantId: t.tenantId,
          id: newId(now),
          itemId: 'd1',
          title: 'Leaving Film',
          year: 1998,
          status: 'scheduled',
          createdAt: now,
          executeAt: now + 2 * 86_400_000,
        }),
      ],
      [],
    );
    const sweep = () => sweepNow(h, clock);
    const hooks = () => receiver.received.filter((r) => r.url === '/digest');
    const mails = () => smtp.mails.filter((m) => m.to.includes('family@example.test'));

    await sweep(); // 08:59 in Paris: not yet
    expect(hooks()).toHaveLength(0);
    clock.set(Date.parse('2026-10-26T08:00:00Z'));
    await sweep();
    await sweep();
    clock.set(Date.parse('2026-10-28T12:00:00Z'));
    await sweep();
    expect(hooks()).toHaveLength(1);
    const body = JSON.parse(hooks()[0]!.body) as Json;
    expect(body.event).toBe('digest');
    expect(body.data.week).toBe('2026-W44');
    expect(body.text).toContain('You could free');
    expect(body.text).toContain('Leaving Film (1998)');
    await smtp.waitForMail('family@example.test');
    expect(mails()).toHaveLength(1);
    const raw = mails()[0]!
      .raw.replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    expect(raw).toContain('text/html');
    expect(raw).toContain('Leaving Film (1998)');
    // The next week's slot sends the next digest.
    clock.set(Date.parse('2026-11-02T08:00:00Z'));
    await sweep();
    expect(hooks().map((r) => JSON.parse(r.body).data.week)).toEqual(['2026-W44', '2026-W45']);
  });
});
