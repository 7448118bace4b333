import type { Simulator } from '@mj/simulator';
import { expect } from 'vitest';
import { signUp, type Harness } from './harness';
import { connect, syncNow } from './sync-helpers';

/** A fresh account with Jellyfin, Jellyseerr, Radarr and Sonarr connected and synced once. */
export async function cleanupAccount(h: Harness, sim: Simulator) {
  const a = await signUp(h.app);
  await connect(h, a, sim, ['jellyfin', 'jellyseerr', 'radarr', 'sonarr']);
  expect((await syncNow(h, a)).lastRun.status).toBe('success');
  return a;
}

/** Titles of a tenant that Radarr holds, largest first. */
export async function radarrMovies(h: Harness, tenantId: string) {
  const rows = (await h.db.q.select().from(h.db.t.titleIssues)).filter((r) => r.tenantId === tenantId);
  const arr = (await h.db.q.select().from(h.db.t.arrItems)).filter(
    (r) => r.tenantId === tenantId && r.app === 'radarr',
  );
  const tmdb = new Set(arr.map((i) => i.tmdbId));
  return rows
    .filter((r) => r.mediaType === 'movie' && tmdb.has(r.tmdbId) && (r.sizeBytes ?? 0) > 0)
    .sort((x, y) => (y.sizeBytes ?? 0) - (x.sizeBytes ?? 0));
}
