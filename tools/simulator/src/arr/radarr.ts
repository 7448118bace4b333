import type { Library } from '../data/library';
import type { MovieFacts } from '../data/facts';
import { movieTmdb } from '../data/movies';
import { sourcesSize } from '../truth/evaluate';
import { json } from '../http/send';
import { ArrSim, flag, idParam, notFound } from './common';

// Radarr v3 over the simulated library: every base movie with a TMDB id except one in ten (so the
// "not in Radarr" path has titles too). Radarr ids are index + 1. `DELETE /movie/{id}?deleteFiles=true`
// removes the files, so Jellyfin drops the movie from its next listing. `POST /movie` re-adds a movie
// (restore): it comes back without a file until something downloads it.

const RESTORED_BASE = 1_000_000;

interface Restored {
  id: number;
  tmdbId: number;
  title: string;
  year: number;
  qualityProfileId: number;
  rootFolderPath: string;
  monitored: boolean;
  tags: number[];
}

export function managedByRadarr(m: MovieFacts): boolean {
  return m.tmdb !== null && m.index % 10 !== 9 && !m.added;
}

export class RadarrSim extends ArrSim {
  private readonly deleted = new Set<number>();
  readonly exclusions = new Set<number>();
  private readonly restored: Restored[] = [];

  constructor(
    private readonly library: Library,
    apiKey: string,
  ) {
    super('radarr', apiKey, library.ctx.seed, '6.0.3.10061');
    this.route('GET', '/movie', (_req, q) => {
      const tmdb = q.tmdbid ? Number(q.tmdbid) : null;
      const all = [...this.movies()].filter((m) => tmdb === null || m.tmdbId === tmdb);
      return json(200, all);
    });
    this.route('GET', '/movie/:id', (req) => {
      const movie = this.find(idParam(req));
      return movie ? json(200, movie) : notFound();
    });
    this.route('DELETE', '/movie/:id', (req, q) => {
      const id = idParam(req);
      this.countDelete(id);
      if (!this.find(id)) return notFound();
      const r = this.restored.findIndex((m) => m.id === id);
      if (r >= 0) this.restored.splice(r, 1);
      else {
        this.deleted.add(id - 1);
        if (flag(q, 'deleteFiles')) this.library.removeMovie(id - 1);
      }
      const tmdb = r >= 0 ? null : this.library.movie(id - 1).tmdb;
      if (flag(q, 'addImportExclusion') && tmdb !== null) this.exclusions.add(tmdb);
      return json(200, {});
    });
    this.route('POST', '/movie', (req) => {
      const body = (req.body ?? {}) as Partial<Restored> & { addOptions?: { searchForMovie?: boolean } };
      if (typeof body.tmdbId !== 'number' || typeof body.qualityProfileId !== 'number' || !body.rootFolderPath)
        return json(400, [
          { propertyName: 'TmdbId', errorMessage: 'tmdbId, qualityProfileId and rootFolderPath are required' },
        ]);
      if ([...this.movies()].some((m) => m.tmdbId === body.tmdbId))
        return json(400, [{ propertyName: 'TmdbId', errorMessage: 'This movie has already been added' }]);
      const added: Restored = {
        id: RESTORED_BASE + this.restored.length + 1,
        tmdbId: body.tmdbId,
        title: body.title ?? `TMDB ${body.tmdbId}`,
        year: body.year ?? 0,
        qualityProfileId: body.qualityProfileId,
        rootFolderPath: body.rootFolderPath,
        monitored: body.monitored ?? true,
        tags: body.tags ?? [],
      };
      this.restored.push(added);
      if (body.addOptions?.searchForMovie) this.commands.push({ name: 'MoviesSearch', body: { movieIds: [added.id] } });
      return json(201, this.restoredDto(added));
    });
  }

  private find(id: number) {
    if (id > RESTORED_BASE) {
      const r = this.restored.find((m) => m.id === id);
      return r ? this.restoredDto(r) : null;
    }
    const i = id - 1;
    if (!Number.isInteger(i) || i < 0 || i >= this.library.movieCount || this.deleted.has(i)) return null;
    const m = this.library.movie(i);
    return managedByRadarr(m) ? this.dto(m) : null;
  }

  private *movies() {
    for (let i = 0; i < this.library.movieCount; i++) {
      if (this.deleted.has(i)) continue;
      const m = this.library.movie(i);
      if (managedByRadarr(m)) yield this.dto(m);
    }
    for (const r of this.restored) yield this.restoredDto(r);
  }

  private dto(m: MovieFacts) {
    const hasFile = !this.library.isMovieRemoved(m.index);
    const size = hasFile ? (sourcesSize(m.sources) ?? 0) : 0;
    const folder = `${m.name} (${m.year})`;
    return {
      id: m.index + 1,
      title: m.name,
      originalTitle: m.name,
      sortTitle: m.sortName.toLowerCase(),
      sizeOnDisk: size,
      status: 'released',
      year: m.year,
      path: `/movies/${folder}`,
      qualityProfileId: 1 + (m.index % 3),
      hasFile,
      movieFileId: hasFile ? m.index + 1 : 0,
      monitored: m.index % 7 !== 3,
      minimumAvailability: 'released',
      isAvailable: true,
      folderName: `/movies/${folder}`,
      runtime: Math.round(m.runTimeTicks / 600_000_000),
      cleanTitle: m.name.toLowerCase().replace(/[^a-z0-9]/g, ''),
      imdbId: m.imdb ?? undefined,
      tmdbId: m.tmdb ?? movieTmdb(m.index),
      titleSlug: String(m.tmdb),
      rootFolderPath: '/movies',
      tags: m.index % 5 === 0 ? [1] : [],
      added: '2024-01-01T00:00:00Z',
      statistics: { movieFileCount: hasFile ? 1 : 0, sizeOnDisk: size, releaseGroups: [] },
    };
  }

  private restoredDto(r: Restored) {
    return {
      id: r.id,
      title: r.title,
      sortTitle: r.title.toLowerCase(),
      sizeOnDisk: 0,
      status: 'released',
      year: r.year,
      path: `${r.rootFolderPath}/${r.title} (${r.year})`,
      qualityProfileId: r.qualityProfileId,
      hasFile: false,
      movieFileId: 0,
      monitored: r.monitored,
      minimumAvailability: 'released',
      isAvailable: true,
      tmdbId: r.tmdbId,
      titleSlug: String(r.tmdbId),
      rootFolderPath: r.rootFolderPath,
      tags: r.tags,
      added: new Date().toISOString(),
      statistics: { movieFileCount: 0, sizeOnDisk: 0, releaseGroups: [] },
    };
  }
}
