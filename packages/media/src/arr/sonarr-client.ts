import type { ArrItem } from '@mj/core';
import { z } from 'zod';
import type { MediaClientOptions } from '../http/api-transport';
import { ArrClient, type ArrDeleteOutcome } from './arr-client';
import { episodeFileSchema, sonarrSeriesSchema, type SonarrSeries } from './schemas';

function toItem(s: SonarrSeries): ArrItem {
  return {
    app: 'sonarr',
    arrId: s.id,
    title: s.title ?? `Sonarr ${s.id}`,
    year: s.year ?? null,
    tmdbId: s.tmdbId || null,
    tvdbId: s.tvdbId || null,
    imdbId: s.imdbId || null,
    qualityProfileId: s.qualityProfileId,
    rootFolderPath: s.rootFolderPath ?? '',
    path: s.path ?? null,
    monitored: s.monitored,
    tags: s.tags ?? [],
    seasons: (s.seasons ?? []).map((season) => ({ seasonNumber: season.seasonNumber, monitored: season.monitored })),
    sizeOnDisk: s.statistics?.sizeOnDisk ?? 0,
  };
}

/** Sonarr v3: the series list, deleting a series or chosen seasons' files, adding a series back. */
export class SonarrClient extends ArrClient {
  constructor(options: MediaClientOptions) {
    super('sonarr', options);
  }

  async listItems(): Promise<ArrItem[]> {
    return this.list('GET /series', '/series', sonarrSeriesSchema, toItem);
  }

  /** The series, or null once Sonarr no longer has it (a resumed deletion asks before deleting again). */
  getSeries(id: number): Promise<ArrItem | null> {
    return this.one('GET /series/{id}', `/series/${id}`, sonarrSeriesSchema, toItem);
  }

  deleteSeries(id: number, opts: { addImportExclusion: boolean }): Promise<ArrDeleteOutcome> {
    return this.remove('DELETE /series/{id}', `/series/${id}`, {
      deleteFiles: true,
      addImportListExclusion: opts.addImportExclusion,
    });
  }

  /**
   * Deletes the episode files of the given seasons and unmonitors those seasons (so Sonarr does not
   * download them again). `gone` when the series is no longer in Sonarr.
   */
  async deleteSeasons(id: number, seasons: readonly number[]): Promise<ArrDeleteOutcome> {
    let series: SonarrSeries;
    try {
      series = await this.transport.json('GET /series/{id}', `/api/v3/series/${id}`, sonarrSeriesSchema.passthrough());
    } catch (err) {
      if ((err as { status?: number }).status === 404) return 'gone';
      throw err;
    }
    const files = await this.list('GET /episodefile', `/episodefile?seriesId=${id}`, episodeFileSchema, (f) => f);
    const chosen = new Set(seasons);
    const ids = files.filter((f) => chosen.has(f.seasonNumber)).map((f) => f.id);
    if (ids.length > 0) await this.remove('DELETE /episodefile/bulk', '/episodefile/bulk', {}, { episodeFileIds: ids });
    // The whole resource goes back with only the chosen seasons' monitoring changed (PUT replaces).
    const updated = {
      ...series,
      seasons: (series.seasons ?? []).map((s) => (chosen.has(s.seasonNumber) ? { ...s, monitored: false } : s)),
    };
    await this.write('PUT /series/{id}', `/series/${id}`, 'PUT', updated, z.unknown());
    return 'deleted';
  }

  /** Adds the series back with its former profile, folder, monitoring and tags, and searches for it. */
  async restoreSeries(item: ArrItem): Promise<number> {
    const added = await this.write(
      'POST /series',
      '/series',
      'POST',
      {
        title: item.title,
        tvdbId: item.tvdbId,
        qualityProfileId: item.qualityProfileId,
        rootFolderPath: item.rootFolderPath,
        monitored: item.monitored,
        seasonFolder: true,
        tags: item.tags,
        seasons: item.seasons,
        addOptions: { searchForMissingEpisodes: true },
      },
      sonarrSeriesSchema,
    );
    return added.id;
  }
}
