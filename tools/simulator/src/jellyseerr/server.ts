import type { FastifyRequest } from 'fastify';
import type { Library } from '../data/library';
import { movieImdb, movieTmdb } from '../data/movies';
import type { SeerrData, SeerrMedia, SeerrRequest, TitleDetails } from '../data/seerr';
import { seriesTmdb, seriesTvdb } from '../data/series';
import { json, type SimResponse } from '../http/send';
import type { Query } from '../http/sim-server';
import { SimServer } from '../http/sim-server';
import type { MediaUrlBase, RequestContext } from './dto';
import { mediaDto, movieDetailsDto, requestDto, requestListDto, tvDetailsDto, userDto } from './dto';
import { OpenApiError, num, oneOf, pageInfo } from './validate';

const VERSIONS = { 'jellyseerr-2.5': '2.5.2', 'jellyseerr-2.7': '2.7.3', 'seerr-3.1': '3.1.0' } as const;
const REQUEST_FILTERS = [
  'all',
  'approved',
  'available',
  'pending',
  'processing',
  'unavailable',
  'failed',
  'deleted',
  'completed',
] as const;
const MEDIA_FILTERS = ['all', 'available', 'partial', 'allavailable', 'processing', 'pending', 'deleted'] as const;
const ALL_MEDIA = [1, 2, 3, 4, 5, 6, 7];
const MEDIA_BLOCKLISTED = 6;

export interface JellyseerrOptions {
  library: Library;
  data: SeerrData;
  apiKey: string;
  urls: () => MediaUrlBase;
}

export class JellyseerrSim {
  readonly server: SimServer;
  private revoked = false;
  /** Answer /movie and /tv with the 500s of a server that cannot reach TMDB. */
  detailsOffline = { movie: false, tv: false };
  private sync = { startedAt: 0, total: 0 };

  constructor(private readonly o: JellyseerrOptions) {
    this.server = new SimServer('jellyseerr', o.library.ctx.seed, { caseSensitive: true });
    this.registerRoutes();
  }

  revokeApiKey(): void {
    this.revoked = true;
  }
  restoreApiKey(): void {
    this.revoked = false;
    this.server.resetKeyUses();
  }

  private get data(): SeerrData {
    return this.o.data;
  }

  /** Missing key: the validator's 401 (it asks for the session cookie); wrong key: the 403 of isAuthenticated. */
  private auth(req: FastifyRequest): SimResponse | null {
    const key = req.headers['x-api-key'];
    const path = req.url.split('?')[0] ?? req.url;
    if (key === undefined) {
      return json(401, {
        message: "cookie 'connect.sid' required",
        errors: [{ path, message: "cookie 'connect.sid' required" }],
      });
    }
    const ok = key === this.o.apiKey && !this.revoked && this.server.admitKey();
    return ok ? null : json(403, { status: 403, error: 'You do not have permission to access this endpoint' });
  }

  private api(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    handler: (req: FastifyRequest, q: Query) => SimResponse,
    isPublic = false,
  ) {
    this.server.route(method, `/api/v1${path}`, (req, q) => {
      const denied = isPublic ? null : this.auth(req);
      if (denied) return denied;
      try {
        return handler(req, q);
      } catch (err) {
        if (err instanceof OpenApiError) return json(400, err.body());
        throw err;
      }
    });
  }

  private requestContext(): RequestContext {
    const media = new Map(this.data.media.map((m) => [m.id, m]));
    const counts = this.requestCounts();
    const users = new Map(this.data.users.map((u) => [u.id, u]));
    const user = (id: number, settings: boolean) =>
      userDto(users.get(id) ?? (this.data.users[0] as never), counts.get(id) ?? 0, settings);
    return {
      media: (id) => media.get(id) as SeerrMedia,
      user: (id) => user(id, false),
      userWithSettings: (id) => user(id, true),
      urls: this.o.urls(),
    };
  }

  private requestCounts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const r of this.data.requests) counts.set(r.requestedBy, (counts.get(r.requestedBy) ?? 0) + 1);
    return counts;
  }

  private registerRoutes(): void {
    const profile = this.data.profile;
    this.api(
      'GET',
      '/status',
      () =>
        json(200, {
          version: VERSIONS[profile],
          commitTag: 'local',
          updateAvailable: false,
          commitsBehind: 0,
          restartRequired: false,
        }),
      true,
    );
    this.api('GET', '/auth/me', () => json(200, this.requestContext().userWithSettings(1)));
    // Deleting a media item deletes its requests too (Jellyseerr's cascade).
    this.api('DELETE', '/media/:mediaId', (req) => {
      const id = Number((req.params as { mediaId: string }).mediaId);
      const index = this.data.media.findIndex((m) => m.id === id);
      if (index < 0) return json(404, { message: 'Media not found' });
      this.data.media.splice(index, 1);
      for (let i = this.data.requests.length - 1; i >= 0; i--)
        if (this.data.requests[i]!.mediaId === id) this.data.requests.splice(i, 1);
      return { status: 204, body: '' };
    });
    this.api('GET', '/user', (_req, q) => {
      const take = num(q, 'take') ?? 10;
      const skip = num(q, 'skip') ?? 0;
      const sort = oneOf(q, 'sort', ['created', 'updated', 'requests', 'displayname'] as const) ?? 'created';
      const counts = this.requestCounts();
      const users = [...this.data.users];
      if (sort === 'requests') users.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id - b.id);
      else if (sort === 'displayname') users.sort((a, b) => a.displayName.localeCompare(b.displayName));
      else if (sort === 'updated') users.sort((a, b) => b.createdAt - a.createdAt);
      const page = users.slice(skip, skip + take).map((u) => userDto(u, counts.get(u.id) ?? 0));
      return json(200, { pageInfo: pageInfo(users.length, take, skip), results: page });
    });
    this.api('GET', '/request', (_req, q) => this.requestList(q));
    this.api('GET', '/request/count', () => json(200, this.countBody()));
    this.api('GET', '/request/:requestId', (req) => {
      const id = Number((req.params as { requestId: string }).requestId);
      const r = this.data.requests.find((x) => x.id === id);
      return r ? json(200, requestDto(r, this.requestContext())) : json(404, { message: 'Request not found.' });
    });
    this.api('GET', '/media', (_req, q) => this.mediaList(q));
    this.api('GET', '/movie/:movieId', (req) => this.details('movie', (req.params as { movieId: string }).movieId));
    this.api('GET', '/tv/:tvId', (req) => this.details('tv', (req.params as { tvId: string }).tvId));
    this.api('GET', '/settings/jellyfin/sync', () => json(200, this.syncStatus()));
    this.api('POST', '/settings/jellyfin/sync', (req) => {
      const body = (req.body ?? {}) as { start?: boolean; cancel?: boolean };
      if (body.cancel) this.sync = { startedAt: 0, total: 0 };
      if (body.start)
        this.sync = { startedAt: Date.now(), total: this.o.library.movieCount + this.o.library.seriesCount };
      return json(200, this.syncStatus());
    });
    this.server.notFound((req) => {
      const path = req.url.split('?')[0] ?? req.url;
      return json(404, { message: 'not found', errors: [{ path, message: 'not found' }] });
    });
  }

  /** A full sync "runs" for 1.5 s. */
  private syncStatus() {
    const elapsed = Date.now() - this.sync.startedAt;
    if (this.sync.startedAt === 0 || elapsed >= 1500) return { running: false, progress: 0, total: 0 };
    const libraries = this.o.library.folders
      .filter((f) => f.collectionType !== 'music')
      .map((f) => ({ id: f.id, name: f.name, enabled: true }));
    return {
      running: true,
      progress: Math.floor((this.sync.total * elapsed) / 1500),
      total: this.sync.total,
      currentLibrary: libraries[0],
      libraries,
    };
  }

  private countBody() {
    const rs = this.data.requests;
    const media = new Map(this.data.media.map((m) => [m.id, m]));
    const st = (r: SeerrRequest) => {
      const m = media.get(r.mediaId);
      return m ? (r.is4k ? m.status4k : m.status) : 1;
    };
    const body: Record<string, number> = {
      total: rs.length,
      movie: rs.filter((r) => r.type === 'movie').length,
      tv: rs.filter((r) => r.type === 'tv').length,
      pending: rs.filter((r) => r.status === 1).length,
      approved: rs.filter((r) => r.status === 2).length,
      declined: rs.filter((r) => r.status === 3).length,
      processing: rs.filter((r) => r.status === 2 && st(r) !== 5).length,
      available: rs.filter((r) => r.status === 2 && st(r) === 5).length,
    };
    if (this.data.profile === 'seerr-3.1') body.completed = rs.filter((r) => r.status === 5).length;
    return body;
  }

  private requestList(q: Query): SimResponse {
    const take = num(q, 'take') ?? 10;
    const skip = num(q, 'skip') ?? 0;
    const filter = oneOf(q, 'filter', REQUEST_FILTERS) ?? 'all';
    const sort = oneOf(q, 'sort', ['added', 'modified'] as const) ?? 'added';
    const direction = oneOf(q, 'sortDirection', ['asc', 'desc'] as const) ?? 'desc';
    const requestedBy = num(q, 'requestedBy');
    const mediaType = oneOf(q, 'mediaType', ['movie', 'tv', 'all'] as const) ?? 'all';
    const completed = this.data.profile === 'jellyseerr-2.5' ? 2 : 5;
    const statuses: Record<string, number[]> = {
      approved: [2],
      processing: [2],
      pending: [1],
      unavailable: [1, 2],
      failed: [4],
      completed: [completed],
      available: [completed],
      deleted: [completed],
    };
    const mediaStatuses: Record<string, number[]> = {
      available: [5],
      processing: [1, 2, 3, 4],
      unavailable: [1, 2, 3, 4],
      deleted: [7],
    };
    const wantStatus = statuses[filter] ?? [1, 2, 3, 4, 5];
    // Jellyseerr's default media-status filter lists every status but blocklisted (6): `all`,
    // `approved` and no filter leave blocklisted media out, while /request/count still counts them.
    const wantMedia = mediaStatuses[filter] ?? ALL_MEDIA.filter((s) => s !== MEDIA_BLOCKLISTED);
    const media = new Map(this.data.media.map((m) => [m.id, m]));
    const rows = this.data.requests.filter((r) => {
      const m = media.get(r.mediaId);
      const ms = m ? (r.is4k ? m.status4k : m.status) : 1;
      return (
        wantStatus.includes(r.status) &&
        wantMedia.includes(ms) &&
        (requestedBy === undefined || r.requestedBy === requestedBy) &&
        (mediaType === 'all' || r.type === mediaType)
      );
    });
    const key = (r: SeerrRequest) => (sort === 'modified' ? r.updatedAt : r.id);
    rows.sort((a, b) => (direction === 'asc' ? key(a) - key(b) || a.id - b.id : key(b) - key(a) || b.id - a.id));
    const c = this.requestContext();
    return json(200, {
      pageInfo: pageInfo(rows.length, take, skip),
      results: rows.slice(skip, skip + take).map((r) => requestListDto(r, c)),
    });
  }

  private mediaList(q: Query): SimResponse {
    const take = num(q, 'take') ?? 10;
    const skip = num(q, 'skip') ?? 0;
    const filter = oneOf(q, 'filter', MEDIA_FILTERS) ?? 'all';
    const sort = oneOf(q, 'sort', ['added', 'modified', 'mediaAdded'] as const) ?? 'added';
    const wanted: Record<string, number[]> = {
      available: [5],
      partial: [4],
      allavailable: [4, 5],
      processing: [3],
      pending: [2],
      deleted: [7],
    };
    const statuses = wanted[filter] ?? ALL_MEDIA;
    const rows = this.data.media.filter((m) => statuses.includes(m.status));
    const key = (m: SeerrMedia) =>
      sort === 'modified' ? m.updatedAt : sort === 'mediaAdded' ? (m.mediaAddedAt ?? 0) : m.createdAt;
    rows.sort((a, b) => key(b) - key(a) || b.id - a.id);
    const urls = this.o.urls();
    return json(200, {
      pageInfo: pageInfo(rows.length, take, skip),
      results: rows.slice(skip, skip + take).map((m) => mediaDto(m, { seasons: true, urls })),
    });
  }

  private details(type: 'movie' | 'tv', rawId: string): SimResponse {
    const id = num({ id: rawId }, 'id', 'params');
    const failure = json(500, {
      message: type === 'movie' ? 'Unable to retrieve movie.' : 'Unable to retrieve series.',
    });
    if (this.detailsOffline[type] || id === undefined) return failure;
    const d = this.data.details.get(`${type}:${id}`) ?? this.libraryDetails(type, id);
    if (!d) return failure;
    const media = this.data.media.find((m) => m.mediaType === type && m.tmdbId === id);
    const c = this.requestContext();
    const mediaInfo = media
      ? {
          ...mediaDto(media, { seasons: true, urls: c.urls }),
          requests: this.data.requests.filter((r) => r.mediaId === media.id).map((r) => requestListDto(r, c)),
        }
      : undefined;
    const now = this.o.library.ctx.now;
    return type === 'movie'
      ? json(200, movieDetailsDto(d, media?.imdbId ?? this.libraryImdb(id), now, mediaInfo))
      : json(200, tvDetailsDto(d, media?.tvdbId ?? this.libraryTvdb(id), now, mediaInfo));
  }

  private libraryImdb(tmdb: number): string | null {
    const i = tmdb - movieTmdb(0);
    return i >= 0 && i < this.o.library.movieCount ? movieImdb(i) : null;
  }
  private libraryTvdb(tmdb: number): number | null {
    const j = tmdb - seriesTmdb(0);
    return j >= 0 && j < this.o.library.seriesCount ? seriesTvdb(j) : null;
  }

  /** Titles nobody requested still have TMDB pages: build them from the library. */
  private libraryDetails(type: 'movie' | 'tv', tmdb: number): TitleDetails | null {
    const lib = this.o.library;
    if (type === 'movie') {
      const i = tmdb - movieTmdb(0);
      if (i < 0 || i >= lib.movieCount) return null;
      const m = lib.movie(i);
      const date = `${m.year}-06-15`;
      return {
        mediaType: 'movie',
        tmdbId: tmdb,
        title: m.name,
        originalTitle: m.name,
        originalLanguage: 'en',
        releaseDate: date,
        seasons: [],
      };
    }
    const j = tmdb - seriesTmdb(0);
    if (j < 0 || j >= lib.seriesCount) return null;
    const s = lib.series(j);
    const seasons = [...new Set(s.layout.map((l) => l.season ?? 0))].sort((a, b) => a - b);
    return {
      mediaType: 'tv',
      tmdbId: tmdb,
      title: s.name,
      originalTitle: s.name,
      originalLanguage: 'en',
      releaseDate: `${s.year}-09-01`,
      seasons: seasons.map((n) => ({
        seasonNumber: n,
        airDate: `${s.year + Math.max(0, n - 1)}-09-01`,
        episodeCount: s.layout.filter((l) => (l.season ?? 0) === n).length,
      })),
    };
  }
}
