import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { Schema } from '../schema/define';

// Persistence for accounts. Functions take the db (or a transaction's query builder) first.

export type UserRow = Schema['users']['$inferSelect'];

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const { users } = db.t;
  const rows = await db.q.select().from(users).where(eq(users.email, email)).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const { users } = db.t;
  const rows = await db.q.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** The tenant a user works in (today each account owns exactly one). */
export async function findTenantOfUser(db: Db, userId: string): Promise<string | undefined> {
  const { memberships } = db.t;
  const rows = await db.q
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
    .limit(1);
  return rows[0]?.tenantId;
}

export async function createUserWithTenant(
  db: Db,
  input: { userId: string; tenantId: string; email: string; passwordHash: string; now: number },
): Promise<void> {
  const { users, tenants, memberships } = db.t;
  await db.tx(async (q) => {
    await q.insert(tenants).values({ id: input.tenantId, name: input.email, createdAt: input.now });
    await q.insert(users).values({
      id: input.userId,
      email: input.email,
      passwordHash: input.passwordHash,
      createdAt: input.now,
      passwordChangedAt: input.now,
      sessionsValidAfter: 0,
    });
    await q
      .insert(memberships)
      .values({ tenantId: input.tenantId, userId: input.userId, role: 'owner', createdAt: input.now });
  });
}

export async function updatePasswordHash(q: Queryable, db: Db, userId: string, hash: string, now: number) {
  const { users } = db.t;
  await q.update(users).set({ passwordHash: hash, passwordChangedAt: now }).where(eq(users.id, userId));
}

/**
 * Invalidates every access token issued so far: each carries the token version it was issued with, and
 * a bumped version refuses them all at once (sessions with a refresh token simply get a new one).
 */
export async function bumpTokenVersion(q: Queryable, db: Db, userId: string, now: number) {
  const { users } = db.t;
  await q
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1`, sessionsValidAfter: now })
    .where(eq(users.id, userId));
}

// ---- refresh tokens -------------------------------------------------------------------------------

export type RefreshTokenRow = Schema['refreshTokens']['$inferSelect'];

export async function insertRefreshToken(q: Queryable, db: Db, row: Schema['refreshTokens']['$inferInsert']) {
  await q.insert(db.t.refreshTokens).values(row);
}

export async function findRefreshTokenByHash(db: Db, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const { refreshTokens } = db.t;
  const rows = await db.q.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** Marks a token rotated only if nobody rotated it first; false means it was already used. */
export async function markRefreshTokenRotated(q: Queryable, db: Db, id: string, now: number): Promise<boolean> {
  const { refreshTokens } = db.t;
  const rows = await q
    .update(refreshTokens)
    .set({ rotatedAt: now })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}

export async function revokeRefreshFamily(db: Db, familyId: string, now: number): Promise<void> {
  const { refreshTokens } = db.t;
  await db.q
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeAllRefreshTokens(q: Queryable, db: Db, userId: string, now: number): Promise<void> {
  const { refreshTokens } = db.t;
  await q
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

/** Revokes every refresh token of the user except those of the session family `keepFamilyId`. */
export async function revokeOtherRefreshTokens(
  q: Queryable,
  db: Db,
  userId: string,
  keepFamilyId: string | null,
  now: number,
): Promise<void> {
  const { refreshTokens: r } = db.t;
  const others = keepFamilyId === null ? undefined : ne(r.familyId, keepFamilyId);
  await q
    .update(r)
    .set({ revokedAt: now })
    .where(and(eq(r.userId, userId), isNull(r.revokedAt), others));
}

// ---- personal API tokens --------------------------------------------------------------------------

export type ApiTokenRow = Schema['apiTokens']['$inferSelect'];

export async function insertApiToken(db: Db, row: Schema['apiTokens']['$inferInsert']): Promise<void> {
  await db.q.insert(db.t.apiTokens).values(row);
}

export async function listApiTokens(db: Db, tenantId: string, userId: string): Promise<ApiTokenRow[]> {
  const { apiTokens } = db.t;
  return db.q
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.userId, userId)))
    .orderBy(apiTokens.createdAt);
}

export async function deleteApiToken(db: Db, tenantId: string, userId: string, id: string): Promise<boolean> {
  const { apiTokens } = db.t;
  const rows = await db.q
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.tenantId, tenantId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

export async function deleteAllApiTokens(q: Queryable, db: Db, userId: string): Promise<void> {
  await q.delete(db.t.apiTokens).where(eq(db.t.apiTokens.userId, userId));
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const { apiTokens } = db.t;
  const rows = await db.q.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

export async function touchApiToken(db: Db, id: string, now: number): Promise<void> {
  const { apiTokens } = db.t;
  await db.q.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

// ---- password resets ------------------------------------------------------------------------------

export type PasswordResetRow = Schema['passwordResets']['$inferSelect'];

export async function insertPasswordReset(db: Db, row: Schema['passwordResets']['$inferInsert']): Promise<void> {
  await db.q.insert(db.t.passwordResets).values(row);
}

export async function findPasswordResetByHash(db: Db, tokenHash: string): Promise<PasswordResetRow | undefined> {
  const { passwordResets } = db.t;
  const rows = await db.q.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** Voids every reset link of the user still outstanding (after a reset or a password change). */
export async function voidPasswordResets(q: Queryable, db: Db, userId: string, now: number): Promise<void> {
  const { passwordResets: p } = db.t;
  await q
    .update(p)
    .set({ usedAt: now })
    .where(and(eq(p.userId, userId), isNull(p.usedAt)));
}

/** Consumes a reset token exactly once; returns the row only for the caller that consumed it. */
export async function consumePasswordReset(
  q: Queryable,
  db: Db,
  tokenHash: string,
  now: number,
): Promise<PasswordResetRow | undefined> {
  const { passwordResets } = db.t;
  const rows = await q
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
    .returning();
  return rows[0];
}

// ---- tenant ---------------------------------------------------------------------------------------

/** Deletes the tenant, its users (when they belong to no other tenant) and, by cascade, all its data. */
export async function deleteTenantAndUser(db: Db, tenantId: string, userId: string): Promise<void> {
  const { tenants, users } = db.t;
  await db.tx(async (q) => {
    await q.delete(tenants).where(eq(tenants.id, tenantId));
    await q.delete(users).where(eq(users.id, userId));
  });
}
