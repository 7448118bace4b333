import { DAY_MS } from '@mj/core';
import { getRevision, nextOldTransition, nextRecentExit, nextWhitelistExpiry } from '@mj/db';
import type { TenantContext } from '../context';

// Read-through cache for the analysis reads (dashboard, issue and library pages). An entry is served
// only while (a) the tenant's revision in the database is unchanged — every recompute, re-evaluation
// and whitelist write bumps it, from any process — and (b) the clock has not reached the next instant
// at which a stored row changes meaning (a title turning old, an entry expiring, a recent row leaving
// the window). Calendar-day rules (request release dates) are covered by a short maximum age.
//
// Misses are single-flight: concurrent readers of the same key and revision share one computation. On
// SQLite a computation blocks the event loop, so 20 clients missing together used to compute 20 times
// in a row and every one of them waited for all 20 (bench/api: seconds at p95 on a loaded machine).

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  revision: number;
  from: number;
  until: number;
  value: unknown;
}

const entries = new Map<string, Entry>();
/** Computations under way, by cache key and revision: a reader that misses joins the one running. */
const pending = new Map<string, Promise<unknown>>();

/** The first instant after `now` at which a cached read of this tenant may change without a write. */
async function validUntil(ctx: TenantContext, now: number, recentWindowMs: number): Promise<number> {
  const [old, expiry, recent] = await Promise.all([
    nextOldTransition(ctx.db, ctx.tenantId, now),
    nextWhitelistExpiry(ctx.db, ctx.tenantId, now),
    nextRecentExit(ctx.db, ctx.tenantId, now, recentWindowMs),
  ]);
  return Math.min(now + MAX_AGE_MS, old ?? Infinity, expiry ?? Infinity, recent ?? Infinity);
}

export async function cachedRead<T>(
  ctx: TenantContext,
  key: string,
  compute: () => Promise<{ value: T; recentDays: number }>,
): Promise<T> {
  const cacheKey = `${ctx.tenantId}|${key}`;
  const revision = await getRevision(ctx.db, ctx.tenantId);
  const now = ctx.clock.now();
  const hit = entries.get(cacheKey);
  if (hit && hit.revision === revision && now >= hit.from && now < hit.until) {
    // Re-insert: Map order doubles as least-recently-used order.
    entries.delete(cacheKey);
    entries.set(cacheKey, hit);
    return hit.value as T;
  }
  const flightKey = `${cacheKey}|${revision}`;
  const running = pending.get(flightKey);
  if (running) return running as Promise<T>;
  const flight: Promise<T> = (async () => {
    const { value, recentDays } = await compute();
    const until = await validUntil(ctx, now, recentDays * DAY_MS);
    entries.delete(cacheKey);
    entries.set(cacheKey, { revision, from: now, until, value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return value;
  })().finally(() => pending.delete(flightKey));
  pending.set(flightKey, flight);
  return flight;
}
