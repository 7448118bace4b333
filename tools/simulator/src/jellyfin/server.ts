import type { FastifyRequest } from 'fastify';
import { makeId, parseId } from '../core/ids';
import type { Library } from '../data/library';
import { empty, json, JSON_TYPE, type SimResponse } from '../http/send';
import type { Query } from '../http/sim-server';
import { SimServer } from '../http/sim-server';
import { presentedToken } from './auth';
import type { Dto, DtoOptions } from './dto';
import { episodeDto, folderDto, movieDto, seasonDto, seriesDto } from './dto';
import { registerClientRoutes } from './client-routes';
import { Collections, deleteItem } from './collections';
import { itemImage } from './images';
import { decodeEntry, SequenceCache } from './items-index';
import type { ItemsQuery } from './items-query';
import { BindingError, parseItemsQuery } from './items-query';
import type { JellyfinProfile } from './profiles';
import { JELLYFIN_VERSIONS, TRAITS } from './profiles';
import { Sessions } from './sessions';
import { publicSystemInfo, scanTaskDto, systemInfo, userDto, virtualFolderDto } from './system';

function problem(err: BindingError): SimResponse {
  return json(400, {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: { [err.param]: [err.message] },
    traceId: '00-00000000000000000000000000000000-0000000000000000-00',
  });
}

export interface JellyfinOptions {
  library: Library;
  profile: JellyfinProfile;
  apiKey: string;
  /** Called after each /Items page (paging drift). */
  onItemsPage?: () => void;
}

export class JellyfinSim {
  readonly server: SimServer;
  readonly serverId: string;
  private revoked = false;
  private scan = { startedAt: 0, lastEnd: null as number | null };
  private readonly sequences = new SequenceCache();
  private readonly sessions: Sessions;
  readonly collections: Collections;
  private readonly traits;
  private version: string | null = null;
  address = '';

  constructor(private readonly o: JellyfinOptions) {
    const { seed } = o.library.ctx;
    this.serverId = makeId(seed, 'server', 1);
    this.traits = TRAITS[o.profile];
    this.collections = new Collections(o.library);
    this.sessions = new Sessions(seed);
    this.server = new SimServer('jellyfin', seed, { caseSensitive: false });
    this.registerRoutes();
  }

  /** A restart (optionally an upgrade): caches are gone and System/Info may report a new version. */
  restart(version?: string): void {
    this.version = version ?? this.version;
    this.sequences.clear();
  }

  revokeApiKey(): void {
    this.revoked = true;
  }
  restoreApiKey(): void {
    this.revoked = false;
    this.server.resetKeyUses();
  }

  private authorised(req: FastifyRequest, query: Query): boolean {
    const token = presentedToken(req, query, this.traits);
    if (this.sessions.get(token)) return true;
    return token === this.o.apiKey && !this.revoked && this.server.admitKey();
  }

  /** Routes behind the API key (an API key acts as an administrator with no user). */
  private authed_(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    handler: (req: FastifyRequest, q: Query) => SimResponse,
  ) {
    this.server.route(method, url, (req, q) => {
      if (!this.authorised(req, q)) return empty(401);
      try {
        return handler(req, q);
      } catch (err) {
        if (err instanceof BindingError) return problem(err);
        throw err;
      }
    });
  }

  private registerRoutes(): void {
    const { library } = this.o;
    const info = () => ({
      serverId: this.serverId,
      version: this.version ?? JELLYFIN_VERSIONS[this.o.profile],
      address: this.address,
    });
    this.server.route('GET', '/System/Info/Public', () => json(200, publicSystemInfo(info())));
    this.server.route('GET', '/Items/:itemId/Images/:imageType', (req, q) => {
      const p = req.params as { itemId: string; imageType: string };
      return itemImage(library, p.itemId, p.imageType, q);
    });
    this.authed_('GET', '/System/Info', () => json(200, systemInfo(info())));
    this.authed_('GET', '/Users', () =>
      json(
        200,
        library.ctx.users.map((u) => userDto(u, this.serverId, library.folders)),
      ),
    );
    this.authed_('GET', '/Users/:userId', (req) => {
      const user = this.user((req.params as { userId: string }).userId);
      return user ? json(200, userDto(user, this.serverId, library.folders)) : empty(404);
    });
    this.authed_('GET', '/Library/VirtualFolders', () => json(200, library.folders.map(virtualFolderDto)));
    this.authed_('GET', '/Items', (_req, q) => this.collectionItems(q) ?? this.items(q, null));
    this.authed_('DELETE', '/Items/:itemId', (req) =>
      empty(deleteItem(library, (req.params as { itemId: string }).itemId) ? 204 : 404),
    );
    this.authed_('POST', '/Collections', (_req, q) => {
      if (!q.name) return json(400, { title: 'Name is required' });
      const created = this.collections.create(q.name, (q.ids ?? '').split(',').filter(Boolean));
      return json(200, { Id: created.id });
    });
    this.authed_('POST', '/Collections/:id/Items', (req, q) =>
      empty(
        this.collections.add((req.params as { id: string }).id, (q.ids ?? '').split(',').filter(Boolean)) ? 204 : 404,
      ),
    );
    this.authed_('DELETE', '/Collections/:id/Items', (req, q) =>
      empty(
        this.collections.remove((req.params as { id: string }).id, (q.ids ?? '').split(',').filter(Boolean))
          ? 204
          : 404,
      ),
    );
    this.authed_('GET', '/Items/:itemId', (req, q) =>
      this.item((req.params as { itemId: string }).itemId, q.userid ?? null),
    );
    if (this.traits.legacyUserItems) {
      this.authed_('GET', '/Users/:userId/Items', (req, q) => this.items(q, (req.params as { userId: string }).userId));
      this.authed_('GET', '/Users/:userId/Items/:itemId', (req) => {
        const p = req.params as { userId: string; itemId: string };
        return this.item(p.itemId, p.userId);
      });
    }
    this.authed_('GET', '/ScheduledTasks', () => {
      const elapsed = Date.now() - this.scan.startedAt;
      const running = this.scan.startedAt > 0 && elapsed < 2000;
      if (!running && this.scan.startedAt > 0 && this.scan.lastEnd === null)
        this.scan.lastEnd = this.scan.startedAt + 2000;
      return json(200, scanTaskDto({ running, progress: Math.min(99, elapsed / 20), lastEnd: this.scan.lastEnd }));
    });
    this.authed_('POST', '/Library/Refresh', () => {
      this.scan = { startedAt: Date.now(), lastEnd: null };
      return empty(204);
    });
    registerClientRoutes({
      library,
      serverId: this.serverId,
      sessions: this.sessions,
      sequences: this.sequences,
      legacyUserRoutes: this.traits.legacyUserItems,
      open: (method, url, handler) => this.server.route(method, url, handler),
      authed: (method, url, handler) =>
        this.authed_(method, url, (req, q) => handler(req, q, this.sessions.get(presentedToken(req, q, this.traits)))),
      user: (id) => this.user(id),
      dtoOptions: (q, userId, fields) => this.dtoOptions(q, userId, fields),
      items: (q, pathUserId) => this.items(q, pathUserId),
    });
    this.server.notFound(() => empty(404));
  }

  /** `IncludeItemTypes=BoxSet` lists the collections; `ParentId=<collection>` lists its members. */
  private collectionItems(q: Query): SimResponse | null {
    const types = (q.includeitemtypes ?? '').toLowerCase().split(',');
    const page = (dtos: Dto[]) => json(200, { Items: dtos, TotalRecordCount: dtos.length, StartIndex: 0 });
    if (types.includes('boxset')) {
      const term = q.searchterm?.toLowerCase();
      const found = this.collections.all().filter((c) => !term || c.name.toLowerCase().includes(term));
      return page(
        found.map((c) => ({ Id: c.id, Name: c.name, Type: 'BoxSet', IsFolder: true, ServerId: this.serverId })),
      );
    }
    if (q.parentid && this.collections.get(q.parentid)) {
      const opts = this.dtoOptions(null, null, new Set(['providerids']));
      if (!opts) return empty(404);
      return page(
        this.collections.members(q.parentid).flatMap((id) => {
          const dto = this.dtoFor(id, opts);
          return dto ? [dto] : [];
        }),
      );
    }
    return null;
  }

  private user(id: string) {
    const lower = id.toLowerCase().replace(/-/g, '');
    return this.o.library.ctx.users.find((u) => u.id === lower) ?? null;
  }

  private dtoOptions(q: ItemsQuery | null, userId: string | null, fields?: Set<string>): DtoOptions | null {
    const user = userId ? this.user(userId) : null;
    if (userId && !user) return null;
    return {
      seed: this.o.library.ctx.seed,
      serverId: this.serverId,
      fields: fields ?? q?.fields ?? new Set(),
      user: q && !q.enableUserData ? null : user,
      enableImages: q?.enableImages ?? true,
      traits: this.traits,
    };
  }

  private items(query: Query, pathUserId: string | null): SimResponse {
    const { library } = this.o;
    const q = parseItemsQuery(query, library.ctx.seed, pathUserId);
    const opts = this.dtoOptions(q, q.userId, undefined);
    if (!opts) return empty(404);
    const userIndex = q.userId ? (this.user(q.userId)?.index ?? null) : null;
    let dtos: Iterable<Dto>;
    let total: number;
    if (q.ids) {
      const found = q.ids.flatMap((id) => {
        const dto = this.dtoFor(id, opts);
        return dto ? [dto] : [];
      });
      total = found.length;
      dtos = found.slice(q.startIndex, q.limit === null ? undefined : q.startIndex + q.limit);
    } else if (!q.recursive && !q.parent) {
      // The root's children: the libraries themselves.
      const rootId = makeId(library.ctx.seed, 'library', 99);
      const folders = library.folders.map((f) => folderDto(f, opts, rootId));
      total = folders.length;
      dtos = folders.slice(q.startIndex, q.limit === null ? undefined : q.startIndex + q.limit);
    } else if (!q.recursive && q.parent?.kind === 'series') {
      const s = library.series(q.parent.index);
      const seasons = [...new Set(s.layout.map((l) => l.season))].map((n) => seasonDto(s, n, opts));
      total = seasons.length;
      dtos = seasons.slice(q.startIndex, q.limit === null ? undefined : q.startIndex + q.limit);
    } else {
      const seq = this.sequences.get(library, q, userIndex);
      total = seq.length;
      const start = Math.min(q.startIndex, total);
      const end = q.limit === null ? total : Math.min(total, start + Math.max(0, q.limit));
      dtos = this.pageDtos(seq, start, end, q.descending, opts);
      this.o.onItemsPage?.();
    }
    const startIndex = q.startIndex;
    const enableTotal = q.enableTotalRecordCount;
    return {
      status: 200,
      headers: JSON_TYPE,
      body: (function* () {
        // Items are serialised one by one and sent in ~64 KB chunks: a page is never held whole.
        let chunk = '{"Items":[';
        let n = 0;
        for (const dto of dtos) {
          chunk += (n > 0 ? ',' : '') + JSON.stringify(dto);
          n++;
          if (chunk.length > 65_536) {
            yield chunk;
            chunk = '';
          }
        }
        // Without a total, Jellyfin reports the number of items it returned.
        yield `${chunk}],"TotalRecordCount":${enableTotal ? total : n},"StartIndex":${startIndex}}`;
      })(),
    };
  }

  private *pageDtos(
    seq: Int32Array,
    start: number,
    end: number,
    descending: boolean,
    opts: DtoOptions,
  ): Generator<Dto> {
    const { library } = this.o;
    for (let p = start; p < end; p++) {
      const entry = decodeEntry(seq[descending ? seq.length - 1 - p : p] as number);
      if (entry.kind === 'episode') {
        const e = library.episode(entry.canonical);
        yield episodeDto(e, library.seriesBase(e.seriesIndex), opts);
      } else if (entry.kind === 'added') {
        const m = library.addedMovie(entry.index);
        yield movieDto(m, opts, library.folders[m.library]?.id ?? '');
      } else {
        const at = library.ctx.titles.at(entry.slot);
        if (at.kind === 'movie') {
          const m = library.movie(at.index);
          yield movieDto(m, opts, library.folders[m.library]?.id ?? '');
        } else {
          const s = library.series(at.index);
          yield seriesDto(s, opts, library.folders[s.library]?.id ?? '');
        }
      }
    }
  }

  private dtoFor(id: string, opts: DtoOptions): Dto | null {
    const { library } = this.o;
    const parsed = parseId(library.ctx.seed, id);
    if (parsed?.kind === 'season') {
      const j = Math.floor(parsed.index / 64);
      const n = parsed.index % 64;
      const season = n === 63 ? null : n;
      if (j >= library.seriesCount) return null;
      const s = library.series(j);
      return s.layout.some((l) => l.season === season) ? seasonDto(s, season, opts) : null;
    }
    const found = library.resolve(id);
    if (found?.kind === 'movie') return movieDto(found.facts, opts, library.folders[found.facts.library]?.id ?? '');
    if (found?.kind === 'series') return seriesDto(found.facts, opts, library.folders[found.facts.library]?.id ?? '');
    if (found?.kind === 'episode') return episodeDto(found.facts, library.seriesBase(found.facts.seriesIndex), opts);
    if (found?.kind === 'library') return folderDto(found.folder, opts, makeId(library.ctx.seed, 'library', 99));
    return null;
  }

  /** A single item carries every field, as Jellyfin's GET /Items/{id} does. */
  private item(itemId: string, userId: string | null): SimResponse {
    const all = new Set([
      'mediasources',
      'mediastreams',
      'path',
      'datecreated',
      'providerids',
      'datelastmediaadded',
      'sortname',
      'overview',
      'childcount',
      'recursiveitemcount',
    ]);
    const opts = this.dtoOptions(null, userId, all);
    if (!opts) return empty(404);
    const dto = this.dtoFor(itemId, opts);
    return dto ? json(200, dto) : empty(404);
  }
}
