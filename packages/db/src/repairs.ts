import { MAX_INSTANT_MS } from '@mj/core';
import { gt } from 'drizzle-orm';
import type { Db } from './client';

// Data repairs: idempotent fixes for rows written by older versions, run after every migration. Each
// touches only rows that are still wrong, so a repaired database costs one indexed query per repair.

/**
 * Whitelist expiries past year 9999 were accepted before dates were bounded; they cannot be turned back
 * into a date, so they become the latest date we can show (effectively "never expires", as intended).
 */
async function clampWhitelistExpiries(db: Db): Promise<number> {
  const { whitelistEntries: w } = db.t;
  const rows = await db.q
    .update(w)
    .set({ expiresAt: MAX_INSTANT_MS })
    .where(gt(w.expiresAt, MAX_INSTANT_MS))
    .returning({ id: w.id });
  return rows.length;
}

/** Runs every repair; returns how many rows each changed (for the start-up log). */
export async function repairStoredData(db: Db): Promise<Record<string, number>> {
  return { whitelistExpiries: await clampWhitelistExpiries(db) };
}
