import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumePasswordReset,
  createUserWithTenant,
  deleteTenantAndUser,
  findRefreshTokenByHash,
  findTenantOfUser,
  findUserByEmail,
  insertPasswordReset,
  insertRefreshToken,
  markRefreshTokenRotated,
  newId,
} from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../src/testing';

describe.each(TEST_DIALECTS)('accounts queries (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function newAccount(email = `${newId()}@example.com`) {
    const userId = newId();
    const tenantId = newId();
    await createUserWithTenant(db, { userId, tenantId, email, passwordHash: 'h', now: 1000 });
    return { userId, tenantId, email };
  }

  it('creates a user with its own tenant and finds it by email', async () => {
    const a = await newAccount();
    const user = await findUserByEmail(db, a.email);
    expect(user?.id).toBe(a.userId);
    expect(user?.createdAt).toBe(1000);
    expect(await findTenantOfUser(db, a.userId)).toBe(a.tenantId);
  });

  it('rejects a second user with the same email and leaves no orphan tenant', async () => {
    const a = await newAccount();
    await expect(newAccount(a.email)).rejects.toThrow();
    const { tenants } = db.t;
    const count = (await db.q.select().from(tenants)).length;
    await newAccount();
    expect((await db.q.select().from(tenants)).length).toBe(count + 1);
  });

  it('rotates a refresh token exactly once', async () => {
    const a = await newAccount();
    const id = newId();
    await insertRefreshToken(db.q, db, {
      id,
      userId: a.userId,
      familyId: newId(),
      tokenHash: `hash-${id}`,
      expiresAt: 10_000,
      createdAt: 1,
    });
    expect(await markRefreshTokenRotated(db.q, db, id, 5)).toBe(true);
    expect(await markRefreshTokenRotated(db.q, db, id, 6)).toBe(false);
    expect((await findRefreshTokenByHash(db, `hash-${id}`))?.rotatedAt).toBe(5);
  });

  it('consumes a password reset token only once', async () => {
    const a = await newAccount();
    const tokenHash = `reset-${newId()}`;
    await insertPasswordReset(db, { id: newId(), userId: a.userId, tokenHash, expiresAt: 99, createdAt: 1 });
    expect((await consumePasswordReset(db.q, db, tokenHash, 2))?.userId).toBe(a.userId);
    expect(await consumePasswordReset(db.q, db, tokenHash, 3)).toBeUndefined();
  });

  it('deleting a tenant cascades to its memberships and tokens but not to other tenants', async () => {
    const a = await newAccount();
    const b = await newAccount();
    await insertRefreshToken(db.q, db, {
      id: newId(),
      userId: a.userId,
      familyId: 'f',
      tokenHash: `a-${a.userId}`,
      expiresAt: 1,
      createdAt: 1,
    });
    await deleteTenantAndUser(db, a.tenantId, a.userId);
    expect(await findUserByEmail(db, a.email)).toBeUndefined();
    expect(await findRefreshTokenByHash(db, `a-${a.userId}`)).toBeUndefined();
    expect(await findTenantOfUser(db, b.userId)).toBe(b.tenantId);
  });

  it('rolls back a failed transaction completely', async () => {
    const { tenants } = db.t;
    const id = newId();
    await expect(
      db.tx(async (q) => {
        await q.insert(tenants).values({ id, name: 'x', createdAt: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { eq } = await import('drizzle-orm');
    expect(await db.q.select().from(tenants).where(eq(tenants.id, id))).toHaveLength(0);
  });
});
