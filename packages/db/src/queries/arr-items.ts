import type { ArrApp, ArrItem } from '@mj/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { insertInChunks } from './chunked-insert';

// Which Radarr/Sonarr item holds each title, replaced per app by every sync that read that app.

const text = (v: number | string | null) => (v === null || v === 0 ? null : String(v));

export async function replaceArrItems(
  db: Db,
  tenantId: string,
  app: ArrApp,
  items: readonly ArrItem[],
  now: number,
): Promise<void> {
  const { arrItems: t } = db.t;
  await db.tx(async (q) => {
    await q.delete(t).where(and(eq(t.tenantId, tenantId), eq(t.app, app)));
    await insertInChunks(items, (chunk) =>
      q.insert(t).values(
        chunk.map((item) => ({
          tenantId,
          app,
          arrId: item.arrId,
          title: item.title,
          year: item.year,
          tmdbId: text(item.tmdbId),
          tvdbId: text(item.tvdbId),
          imdbId: item.imdbId,
          qualityProfileId: item.qualityProfileId,
          rootFolderPath: item.rootFolderPath,
          path: item.path,
          monitored: item.monitored,
          tags: item.tags,
          seasons: item.seasons,
          sizeOnDisk: item.sizeOnDisk,
          syncedAt: now,
        })),
      ),
    );
  });
}

export async function deleteArrItems(db: Db, tenantId: string, app: ArrApp): Promise<void> {
  const { arrItems: t } = db.t;
  await db.q.delete(t).where(and(eq(t.tenantId, tenantId), eq(t.app, app)));
}

export async function listArrItems(db: Db, tenantId: string): Promise<ArrItem[]> {
  const { arrItems: t } = db.t;
  const rows = await db.q.select().from(t).where(eq(t.tenantId, tenantId));
  return rows.map((r) => ({
    app: r.app,
    arrId: r.arrId,
    title: r.title,
    year: r.year,
    tmdbId: r.tmdbId === null ? null : Number(r.tmdbId),
    tvdbId: r.tvdbId === null ? null : Number(r.tvdbId),
    imdbId: r.imdbId,
    qualityProfileId: r.qualityProfileId,
    rootFolderPath: r.rootFolderPath,
    path: r.path,
    monitored: r.monitored,
    tags: r.tags,
    seasons: r.seasons,
    sizeOnDisk: r.sizeOnDisk,
  }));
}
