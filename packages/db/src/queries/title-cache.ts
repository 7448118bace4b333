import type { SeerrTitleInfo } from '@mj/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';

// `excluded` is the row that failed to insert, in both PostgreSQL and SQLite upserts.
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

export async function loadTitleCache(db: Db, tenantId: string, language: string) {
  const { titleCache } = db.t;
  const rows = await db.q
    .select()
    .from(titleCache)
    .where(and(eq(titleCache.tenantId, tenantId), eq(titleCache.language, language)));
  return new Map(rows.map((r) => [`${r.mediaType}:${r.tmdbId}`, { info: r.info ?? null, fetchedAt: r.fetchedAt }]));
}

export async function saveTitleCache(
  db: Db,
  tenantId: string,
  language: string,
  entries: { mediaType: 'movie' | 'tv'; tmdbId: number; info: SeerrTitleInfo | null }[],
  now: number,
): Promise<void> {
  const { titleCache } = db.t;
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500).map((e) => ({ tenantId, language, fetchedAt: now, ...e }));
    await db.q
      .insert(titleCache)
      .values(chunk)
      .onConflictDoUpdate({
        target: [titleCache.tenantId, titleCache.mediaType, titleCache.tmdbId, titleCache.language],
        set: { info: sqlExcluded('info'), fetchedAt: now },
      });
  }
}
