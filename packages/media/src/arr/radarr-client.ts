import type { ArrItem } from '@mj/core';
import type { MediaClientOptions } from '../http/api-transport';
import { ArrClient, type ArrDeleteOutcome } from './arr-client';
import { radarrMovieSchema, type RadarrMovie } from './schemas';

function toItem(m: RadarrMovie): ArrItem {
  return {
    app: 'radarr',
    arrId: m.id,
    title: m.title ?? `Radarr ${m.id}`,
    year: m.year ?? null,
    tmdbId: m.tmdbId || null,
    tvdbId: null,
    imdbId: m.imdbId || null,
    qualityProfileId: m.qualityProfileId,
    rootFolderPath: m.rootFolderPath ?? '',
    path: m.path ?? null,
    monitored: m.monitored,
    tags: m.tags ?? [],
    seasons: [],
    sizeOnDisk: m.sizeOnDisk ?? 0,
  };
}

/** Radarr v3: the movie list, deleting a movie with its files, adding one back (restore). */
export class RadarrClient extends ArrClient {
  constructor(options: MediaClientOptions) {
    super('radarr', options);
  }

  async listItems(): Promise<ArrItem[]> {
    return this.list('GET /movie', '/movie', radarrMovieSchema, toItem);
  }

  /** The movie, or null once Radarr no longer has it (a resumed deletion asks before deleting again). */
  getMovie(id: number): Promise<ArrItem | null> {
    return this.one('GET /movie/{id}', `/movie/${id}`, radarrMovieSchema, toItem);
  }

  deleteMovie(id: number, opts: { addImportExclusion: boolean }): Promise<ArrDeleteOutcome> {
    return this.remove('DELETE /movie/{id}', `/movie/${id}`, {
      deleteFiles: true,
      addImportExclusion: opts.addImportExclusion,
    });
  }

  /** Adds the movie back with its former profile, folder, monitoring and tags, and searches for it. */
  async restoreMovie(item: ArrItem): Promise<number> {
    const added = await this.write(
      'POST /movie',
      '/movie',
      'POST',
      {
        title: item.title,
        year: item.year ?? undefined,
        tmdbId: item.tmdbId,
        imdbId: item.imdbId ?? undefined,
        qualityProfileId: item.qualityProfileId,
        rootFolderPath: item.rootFolderPath,
        monitored: item.monitored,
        tags: item.tags,
        minimumAvailability: 'released',
        addOptions: { searchForMovie: true },
      },
      radarrMovieSchema,
    );
    return added.id;
  }
}
