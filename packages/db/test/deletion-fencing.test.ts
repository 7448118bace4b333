import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDeletion,
  dueDeletionIds,
  findDeletion,
  insertDeletions,
  markDeletionTargetCalled,
  newId,
  renewDeletionLease,
  transitionDeletion,
  type DeletionFence,
} from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb, createTestTenant } from '../src/testing';

// Issue 16: a deletion's claim carries a generation; a worker whose lease expired and was taken over
// can neither renew, record a DELETE intent, nor finish: each of those writes checks the generation in
// the same statement.

const LEASE = 30_000;

describe.each(TEST_DIALECTS)('deletion lease fencing (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function dueDeletion(now: number) {
    const tenantId = await createTestTenant(db, now);
    const id = newId();
    await insertDeletions(
      db,
      [
        {
          id,
          tenantId,
          itemId: newId(),
          kind: 'movie',
          title: 'A movie',
          sizeBytes: 1,
          status: 'scheduled',
          executeAt: now,
          addImportExclusion: false,
          target: 'radarr',
          chosenByUser: true,
          scheduledBy: 'user',
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        },
      ],
      [],
    );
    return { tenantId, id };
  }

  const done = (fence: DeletionFence, at: number) =>
    transitionDeletion(db, fence.tenantId, fence.id, {
      from: ['executing'],
      to: 'done',
      at,
      actor: 'schedule',
      set: { leaseOwner: null, leaseUntil: null, executedAt: at },
      generation: fence.generation,
    });

  it('bumps the generation on every claim, and a live holder renews its lease', async () => {
    const t0 = 1_000_000;
    const { tenantId, id } = await dueDeletion(t0);
    const a = await claimDeletion(db, id, 'worker:a', t0, LEASE);
    expect(a?.leaseGeneration).toBe(1);
    expect(await claimDeletion(db, id, 'worker:b', t0 + 1, LEASE)).toBeUndefined();
    const fence = { tenantId, id, generation: 1 };
    // Renewed before expiry: not abandoned at the old expiry, so nobody else can claim it then.
    expect(await renewDeletionLease(db, fence, t0 + LEASE - 1, LEASE)).toBe(true);
    expect((await dueDeletionIds(db, t0 + LEASE + 1, 1000, { abandonedOnly: true })).map((d) => d.id)).not.toContain(
      id,
    );
    expect(await claimDeletion(db, id, 'worker:b', t0 + LEASE + 1, LEASE)).toBeUndefined();
    expect(await markDeletionTargetCalled(db, fence, t0 + LEASE, LEASE)).toBe(true);
    expect((await findDeletion(db, tenantId, id))?.targetCalledAt).toBe(t0 + LEASE);
    expect(await done(fence, t0 + LEASE + 2)).toBeDefined();
    expect((await findDeletion(db, tenantId, id))?.status).toBe('done');
  });

  it("refuses the stale holder's renewal, intent and finish after a takeover; the new holder's finish wins", async () => {
    const t0 = 2_000_000;
    const { tenantId, id } = await dueDeletion(t0);
    const a = await claimDeletion(db, id, 'worker:a', t0, LEASE);
    const stale = { tenantId, id, generation: a!.leaseGeneration };
    // Worker A goes silent past its lease: it is listed as abandoned and B takes over.
    const t1 = t0 + LEASE + 1;
    expect((await dueDeletionIds(db, t1, 1000, { abandonedOnly: true })).map((d) => d.id)).toContain(id);
    const b = await claimDeletion(db, id, 'worker:b', t1, LEASE);
    expect(b?.leaseGeneration).toBe(stale.generation + 1);
    const fresh = { tenantId, id, generation: b!.leaseGeneration };

    expect(await renewDeletionLease(db, stale, t1 + 1, LEASE)).toBe(false);
    expect(await markDeletionTargetCalled(db, stale, t1 + 1, LEASE)).toBe(false);
    expect(await done(stale, t1 + 2)).toBeUndefined();
    const requeue = await transitionDeletion(db, tenantId, id, {
      from: ['executing'],
      to: 'scheduled',
      at: t1 + 2,
      actor: 'schedule',
      set: { executeAt: t1 + 60_000, leaseOwner: null, leaseUntil: null },
      generation: stale.generation,
    });
    expect(requeue).toBeUndefined();
    const mid = await findDeletion(db, tenantId, id);
    expect(mid).toMatchObject({
      status: 'executing',
      leaseOwner: 'worker:b',
      targetCalledAt: null,
      leaseUntil: t1 + LEASE,
    });

    expect(await done(fresh, t1 + 3)).toBeDefined();
    expect(await findDeletion(db, tenantId, id)).toMatchObject({ status: 'done', executedAt: t1 + 3 });
    // Once done, even the holder's own late renewal writes nothing.
    expect(await renewDeletionLease(db, fresh, t1 + 4, LEASE)).toBe(false);
  });
});
