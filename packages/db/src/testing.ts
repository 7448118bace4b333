import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { createDb, type Db } from './client';
import { newId } from './ids';
import { createUserWithTenant } from './queries/accounts';
import { migrateDb } from './migrate';

// Test helpers: every db test runs on both dialects, each test file against its own fresh database.

export const TEST_DIALECTS = ['sqlite', 'pg'] as const;
export type TestDialect = (typeof TEST_DIALECTS)[number];

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDb extends Db {
  /** Drops the throwaway database (pg) after closing the pool. */
  destroy(): Promise<void>;
  /** Its connection URL (pg): a bench hands it to an API process of its own. */
  url?: string;
}

export async function createTestDb(dialect: TestDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const db = createDb({ dialect: 'sqlite', file: ':memory:' });
    await migrateDb(db);
    return Object.assign(db, { destroy: () => db.close() });
  }
  const scratch = await createScratchDatabase('mj_test');
  const db = createDb({ dialect: 'pg', url: scratch.url }, { poolSize: 4 });
  await migrateDb(db);
  return Object.assign(db, {
    url: scratch.url,
    async destroy() {
      await db.close();
      await scratch.drop();
    },
  });
}

/** An empty PostgreSQL database of its own (not migrated), named `<prefix>_…`, on the test server. */
export interface ScratchDatabase {
  url: string;
  /** Drops it, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** Creates a throwaway database next to `adminUrl`'s (the tests' and the benches' one server). */
export async function createScratchDatabase(prefix: string, adminUrl = testDatabaseUrl()): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A fresh account (its owner and tenant; the password hash is a dummy) at `now`; returns the tenant id. */
export async function createTestTenant(db: Db, now = 1, tenantId = newId()): Promise<string> {
  await createUserWithTenant(db, {
    userId: newId(),
    tenantId,
    email: `${tenantId}@example.test`,
    passwordHash: 'h',
    now,
  });
  return tenantId;
}

/** What a reader of the tenant sees right now: the current snapshots and their row counts. */
export async function visibleSnapshot(db: Db, tenantId: string) {
  const { syncState, libraryItems, watchRecords, seerrRequests } = db.t;
  const [state] = await db.q.select().from(syncState).where(eq(syncState.tenantId, tenantId)).limit(1);
  const counts = { movie: 0, series: 0, episode: 0, watch: 0, requests: 0 };
  const ids: string[] = [];
  if (state?.librarySnapshotId) {
    const rows = await db.q
      .select({ id: libraryItems.id, kind: libraryItems.kind })
      .from(libraryItems)
      .where(eq(libraryItems.snapshotId, state.librarySnapshotId));
    for (const row of rows) {
      counts[row.kind] += 1;
      ids.push(row.id);
    }
    counts.watch = (
      await db.q.select().from(watchRecords).where(eq(watchRecords.snapshotId, state.librarySnapshotId))
    ).length;
  }
  if (state?.requestsSnapshotId) {
    counts.requests = (
      await db.q.select().from(seerrRequests).where(eq(seerrRequests.snapshotId, state.requestsSnapshotId))
    ).length;
  }
  return {
    snapshotId: state?.librarySnapshotId ?? null,
    requestsSnapshotId: state?.requestsSnapshotId ?? null,
    ids,
    ...counts,
  };
}

/** Rows of a snapshot still in the table (to prove old snapshots are deleted). */
export async function snapshotRowCount(db: Db, snapshotId: string): Promise<number> {
  const { libraryItems } = db.t;
  return (await db.q.select({ id: libraryItems.id }).from(libraryItems).where(eq(libraryItems.snapshotId, snapshotId)))
    .length;
}

/** What the next sync would store after someone watched the title (for §9 "watched since" tests). */
export async function markTitleWatched(db: Db, tenantId: string, titleId: string, at: number): Promise<void> {
  const { titleIssues: t } = db.t;
  const rows = await db.q.select({ id: t.id, tenantId: t.tenantId }).from(t).where(eq(t.id, titleId));
  if (!rows.some((r) => r.tenantId === tenantId)) throw new Error(`no title ${titleId} in tenant ${tenantId}`);
  await db.q.update(t).set({ lastWatchedAt: at, watched: true }).where(eq(t.id, titleId));
}
export * from './queries/snapshot-fixture';
