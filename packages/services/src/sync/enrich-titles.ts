import type { SeerrTitleInfo } from '@mj/core';
import { loadTitleCache, saveTitleCache, type Db } from '@mj/db';
import type { JellyseerrClient, TitleLookup } from '@mj/media';
import type { RunProgress } from './progress';

// Title and release-date lookups for the requests that need them (RULES §8): a success is cached for
// 7 days; a failure only until the next sync. Each sync asks one lookup first, as a probe: when it
// answers "unavailable" (Jellyseerr cannot reach TMDB), the rest are not asked, so a Jellyseerr without
// TMDB costs one lookup per sync, not hundreds.

const SUCCESS_TTL_MS = 7 * 86_400_000;

export interface TitleWanted {
  type: 'movie' | 'tv';
  tmdbId: number;
}

type Cached = Map<string, { info: SeerrTitleInfo | null; fetchedAt: number }>;

/** Due: never asked, failed last time, or a success older than the TTL. */
export function dueLookups(wanted: readonly TitleWanted[], cached: Cached, now: number): TitleWanted[] {
  const due = wanted.filter((w) => {
    const hit = cached.get(`${w.type}:${w.tmdbId}`);
    return !hit || hit.info === null || now - hit.fetchedAt > SUCCESS_TTL_MS;
  });
  // A title that worked before makes the best probe: its failure then says "TMDB is down", not "odd id".
  const workedBefore = (w: TitleWanted) => (cached.get(`${w.type}:${w.tmdbId}`)?.info ? 0 : 1);
  return due.sort((a, b) => workedBefore(a) - workedBefore(b));
}

export async function enrichTitles(opts: {
  db: Db;
  client: JellyseerrClient;
  tenantId: string;
  language: string;
  wanted: readonly TitleWanted[];
  progress: RunProgress;
  now: number;
}): Promise<{ lookups: number }> {
  const { db, client, tenantId, language, progress, now } = opts;
  const cached = await loadTitleCache(db, tenantId, language);
  const due = dueLookups(opts.wanted, cached, now);
  if (due.length === 0) return { lookups: 0 };

  await progress.step('Looking up titles and release dates', 0, due.length);
  let done = 0;
  const lookup = async (w: TitleWanted) => {
    const result: TitleLookup =
      w.type === 'movie' ? await client.getMovie(w.tmdbId, language) : await client.getTv(w.tmdbId, language);
    done += 1;
    await progress.advance(done, due.length);
    return { wanted: w, result };
  };
  const [probe, ...rest] = due;
  const first = await lookup(probe!);
  const answered = first.result.outcome === 'unavailable' ? [first] : [first, ...(await Promise.all(rest.map(lookup)))];

  // A failure never overwrites an earlier success: an old title beats "TMDB 603" until TMDB is back.
  const entries = answered
    .filter(({ wanted, result }) => result.outcome === 'found' || !cached.get(`${wanted.type}:${wanted.tmdbId}`)?.info)
    .map(({ wanted, result }) => ({
      mediaType: wanted.type,
      tmdbId: wanted.tmdbId,
      info: result.outcome === 'found' ? result.info : null,
    }));
  await saveTitleCache(db, tenantId, language, entries, now);
  return { lookups: answered.length };
}
