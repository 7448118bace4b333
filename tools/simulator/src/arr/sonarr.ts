import type { Library } from '../data/library';
import type { SeriesFacts } from '../data/facts';
import { json } from '../http/send';
import { ArrSim, flag, idParam, notFound } from './common';

// Sonarr v3 over the simulated library: every series with a TVDB id except one in ten. Series ids are
// index + 1; episode file ids are the episode's canonical index + 1. Deleting files (a series, or
// episode files through `DELETE /episodefile/bulk`) removes them from Jellyfin's next listing;
// `PUT /series/{id}` stores monitoring; `POST /series` re-adds a series without files (restore).

const RESTORED_BASE = 1_000_000;

interface Restored {
  id: number;
  tvdbId: number;
  title: string;
  qualityProfileId: number;
  rootFolderPath: string;
  monitored: boolean;
  seasons: { seasonNumber: number; monitored: boolean }[];
  tags: number[];
}

export function managedBySonarr(s: SeriesFacts): boolean {
  return s.tvdb !== null && s.index % 10 !== 9;
}

export class SonarrSim extends ArrSim {
  private readonly deleted = new Set<number>();
  readonly exclusions = new Set<number>();
  private readonly monitoring = new Map<number, { monitored: boolean; seasons: Map<number, boolean> }>();
  private readonly restored: Restored[] = [];

  constructor(
    private readonly library: Library,
    apiKey: string,
  ) {
    super('sonarr', apiKey, library.ctx.seed, '4.0.19.2741');
    this.route('GET', '/series', (_req, q) => {
      const tvdb = q.tvdbid ? Number(q.tvdbid) : null;
      return json(
        200,
        [...this.allSeries()].filter((s) => tvdb === null || s.tvdbId === tvdb),
      );
    });
    this.route('GET', '/series/:id', (req) => {
      const s = this.find(idParam(req));
      return s ? json(200, s) : notFound();
    });
    this.route('PUT', '/series/:id', (req) => {
      const id = idParam(req);
      if (!this.find(id)) return notFound();
      const body = (req.body ?? {}) as {
        monitored?: boolean;
        seasons?: { seasonNumber: number; monitored: boolean }[];
      };
      const restored = this.restored.find((r) => r.id === id);
      if (restored) {
        restored.monitored = body.monitored ?? restored.monitored;
        if (body.seasons) restored.seasons = body.seasons.map((s) => ({ ...s }));
      } else {
        const state = this.monitoring.get(id - 1) ?? { monitored: true, seasons: new Map() };
        if (typeof body.monitored === 'boolean') state.monitored = body.monitored;
        for (const season of body.seasons ?? []) state.seasons.set(season.seasonNumber, season.monitored);
        this.monitoring.set(id - 1, state);
      }
      return json(202, this.find(id));
    });
    this.route('DELETE', '/series/:id', (req, q) => {
      const id = idParam(req);
      this.countDelete(id);
      const found = this.find(id);
      if (!found) return notFound();
      const r = this.restored.findIndex((s) => s.id === id);
      if (r >= 0) this.restored.splice(r, 1);
      else {
        this.deleted.add(id - 1);
        if (flag(q, 'deleteFiles')) this.library.removeSeries(id - 1);
      }
      if (flag(q, 'addImportListExclusion')) this.exclusions.add(found.tvdbId);
      return json(200, {});
    });
    this.route('GET', '/episodefile', (_req, q) => {
      const j = Number(q.seriesid) - 1;
      if (!this.find(j + 1) || j >= this.library.seriesCount) return json(200, []);
      return json(200, this.episodeFiles(j));
    });
    this.route('DELETE', '/episodefile/:id', (req) => {
      const c = idParam(req) - 1;
      if (!this.fileExists(c)) return notFound();
      this.library.removeEpisode(c);
      return json(200, {});
    });
    this.route('DELETE', '/episodefile/bulk', (req) => {
      const ids = ((req.body ?? {}) as { episodeFileIds?: number[] }).episodeFileIds ?? [];
      for (const id of ids) if (this.fileExists(id - 1)) this.library.removeEpisode(id - 1);
      return json(200, {});
    });
    this.route('POST', '/series', (req) => {
      const body = (req.body ?? {}) as Partial<Restored> & { addOptions?: { searchForMissingEpisodes?: boolean } };
      if (typeof body.tvdbId !== 'number' || typeof body.qualityProfileId !== 'number' || !body.rootFolderPath)
        return json(400, [
          { propertyName: 'TvdbId', errorMessage: 'tvdbId, qualityProfileId and rootFolderPath are required' },
        ]);
      if ([...this.allSeries()].some((s) => s.tvdbId === body.tvdbId))
        return json(400, [{ propertyName: 'TvdbId', errorMessage: 'This series has already been added' }]);
      const added: Restored = {
        id: RESTORED_BASE + this.restored.length + 1,
        tvdbId: body.tvdbId,
        title: body.title ?? `TVDB ${body.tvdbId}`,
        qualityProfileId: body.qualityProfileId,
        rootFolderPath: body.rootFolderPath,
        monitored: body.monitored ?? true,
        seasons: (body.seasons ?? []).map((s) => ({ seasonNumber: s.seasonNumber, monitored: s.monitored })),
        tags: body.tags ?? [],
      };
      this.restored.push(added);
      if (body.addOptions?.searchForMissingEpisodes)
        this.commands.push({ name: 'SeriesSearch', body: { seriesId: added.id } });
      return json(201, this.find(added.id));
    });
  }

  private fileExists(c: number): boolean {
    if (!Number.isInteger(c) || c < 0 || c >= this.library.episodeCount) return false;
    if (this.library.episodeVirtual[c] === 1 || this.library.isEpisodeRemoved(c)) return false;
    const j = this.library.episodeSeries[c] as number;
    return !this.deleted.has(j) && managedBySonarr(this.library.series(j));
  }

  private episodeFiles(j: number) {
    const s = this.library.series(j);
    return s.episodes
      .filter((e) => !e.virtual && !this.library.isEpisodeRemoved(e.canonical))
      .map((e) => ({
        id: e.canonical + 1,
        seriesId: j + 1,
        seasonNumber: e.season ?? 0,
        relativePath: `Season ${e.season ?? 0}/${e.name}.mkv`,
        path: `/tv/${s.name}/Season ${e.season ?? 0}/${e.name}.mkv`,
        size: e.source?.sizeBytes ?? 0,
        dateAdded: '2024-01-01T00:00:00Z',
        quality: { quality: { id: 7, name: e.source?.label ?? 'WEBDL-1080p' } },
      }));
  }

  private find(id: number) {
    if (id > RESTORED_BASE) {
      const r = this.restored.find((s) => s.id === id);
      return r
        ? {
            id: r.id,
            title: r.title,
            tvdbId: r.tvdbId,
            qualityProfileId: r.qualityProfileId,
            rootFolderPath: r.rootFolderPath,
            path: `${r.rootFolderPath}/${r.title}`,
            monitored: r.monitored,
            tags: r.tags,
            seasons: r.seasons.map((s) => ({ ...s, statistics: { episodeFileCount: 0, sizeOnDisk: 0 } })),
            statistics: { episodeFileCount: 0, sizeOnDisk: 0, seasonCount: r.seasons.length },
          }
        : null;
    }
    const j = id - 1;
    if (!Number.isInteger(j) || j < 0 || j >= this.library.seriesCount || this.deleted.has(j)) return null;
    const s = this.library.series(j);
    return managedBySonarr(s) ? this.dto(s) : null;
  }

  private *allSeries() {
    for (let j = 0; j < this.library.seriesCount; j++) {
      const s = this.find(j + 1);
      if (s) yield s;
    }
    for (const r of this.restored) yield this.find(r.id)!;
  }

  private dto(s: SeriesFacts) {
    const files = this.library.isSeriesRemoved(s.index) ? [] : this.episodeFiles(s.index);
    const state = this.monitoring.get(s.index);
    const seasonNumbers = [...new Set(s.layout.map((l) => l.season ?? 0))].sort((a, b) => a - b);
    const seasons = seasonNumbers.map((n) => {
      const inSeason = files.filter((f) => f.seasonNumber === n);
      return {
        seasonNumber: n,
        monitored: state?.seasons.get(n) ?? n > 0,
        statistics: {
          episodeFileCount: inSeason.length,
          episodeCount: inSeason.length,
          totalEpisodeCount: s.layout.filter((l) => (l.season ?? 0) === n).length,
          sizeOnDisk: inSeason.reduce((sum, f) => sum + f.size, 0),
        },
      };
    });
    return {
      id: s.index + 1,
      title: s.name,
      sortTitle: s.sortName.toLowerCase(),
      status: 'continuing',
      ended: false,
      year: s.year,
      path: `/tv/${s.name}`,
      qualityProfileId: 1 + (s.index % 2),
      seasonFolder: true,
      monitored: state?.monitored ?? true,
      tvdbId: s.tvdb!,
      tmdbId: s.tmdb ?? 0,
      imdbId: s.imdb ?? undefined,
      seriesType: 'standard',
      cleanTitle: s.name.toLowerCase().replace(/[^a-z0-9]/g, ''),
      titleSlug: String(s.tvdb),
      rootFolderPath: '/tv',
      tags: s.index % 4 === 0 ? [2] : [],
      added: '2024-01-01T00:00:00Z',
      seasons,
      statistics: {
        seasonCount: seasons.filter((x) => x.seasonNumber > 0).length,
        episodeFileCount: files.length,
        sizeOnDisk: files.reduce((sum, f) => sum + f.size, 0),
      },
    };
  }
}
