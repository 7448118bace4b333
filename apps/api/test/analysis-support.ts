import { afterAll, beforeAll } from 'vitest';
import { writeSnapshotFixture } from '@mj/db/testing';
import { recomputeTenant } from '@mj/services';
import { generateLibrary } from '../../../packages/services/test/support/generate-library';
import type { TestDialect } from '@mj/db/testing';
import { createHarness, signUp, type Harness } from './harness';

export const NOW = Date.UTC(2025, 5, 15, 12);
export const DAY = 86_400_000;

/** A settable clock shared by the app and the test. */
export function testClock(now = NOW) {
  let current = now;
  return { now: () => current, set: (ms: number) => (current = ms) };
}

export const smallLibrary = () =>
  generateLibrary({ movies: 80, series: 12, episodesPerSeries: 8, users: 3, requests: 40, now: NOW });

/** Signs up an account whose tenant holds a synced, evaluated library. */
export async function accountWithLibrary(h: Harness, data = smallLibrary()) {
  const account = await signUp(h.app);
  await writeSnapshotFixture(h.db, account.tenantId, data, h.deps.clock.now());
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  await recomputeTenant({ db: h.db, clock: h.deps.clock, log, tenantId: account.tenantId, userId: account.userId });
  return { ...account, data };
}

export type LibraryAccount = Awaited<ReturnType<typeof accountWithLibrary>>;

/**
 * A harness on the test clock with `a`, an account holding the small library, and `b`, an empty account
 * for the cross-tenant checks.
 */
export async function startWithLibrary(dialect: TestDialect) {
  const h = await createHarness(dialect, { clock: testClock() });
  return { h, a: await accountWithLibrary(h), b: await signUp(h.app) };
}

/** {@link startWithLibrary} once for the enclosing suite (handed to `use`), closed after it. */
export function startWithLibraryPerSuite(
  dialect: TestDialect,
  use: (started: Awaited<ReturnType<typeof startWithLibrary>>) => void,
) {
  let started: Awaited<ReturnType<typeof startWithLibrary>> | undefined;
  beforeAll(async () => {
    started = await startWithLibrary(dialect);
    use(started);
  });
  afterAll(async () => started?.h.close());
}
