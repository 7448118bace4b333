import type { FastifyRequest } from 'fastify';
import { makeId } from '../core/ids';
import type { DateFact } from '../data/facts';
import type { Library } from '../data/library';
import type { UserFacts } from '../data/users';
import { json, empty, type SimResponse } from '../http/send';
import type { Query } from '../http/sim-server';
import type { Dto, DtoOptions } from './dto';
import { episodeDto, folderDto, movieDto, seriesDto } from './dto';
import { decodeEntry } from './items-index';
import type { SequenceCache } from './items-index';
import type { ItemsQuery } from './items-query';
import { BindingError, parseItemsQuery } from './items-query';
import type { Session, Sessions } from './sessions';
import { authorizationFields, authorizationHeader, simulatedPassword } from './sessions';
import { userDto } from './system';

/*
 * The endpoints a real Jellyfin client (Jellyseerr 2.7.3's setup and sync, the web app) calls beyond
 * what Media Janitor needs: sign-in, the user's views, "latest", and the TV show navigation. Shapes and
 * parameters follow @jellyfin/sdk 0.13's generated API (UserApi, LibraryApi, UserViewsApi,
 * UserLibraryApi, TvShowsApi).
 */

type Method = 'GET' | 'POST';
type AuthedHandler = (req: FastifyRequest, q: Query, session: Session | null) => SimResponse;

/** What JellyfinSim lends these routes. */
export interface ClientRouteHost {
  library: Library;
  serverId: string;
  sessions: Sessions;
  sequences: SequenceCache;
  /** Jellyfin 10.x still routes the old `/Users/{userId}/...` forms; 12 dropped them. */
  legacyUserRoutes: boolean;
  /** Unauthenticated route (sign-in). */
  open(method: Method, url: string, handler: (req: FastifyRequest, q: Query) => SimResponse): void;
  /** Route behind the API key or a session token; `session` is null for the API key. */
  authed(method: Method, url: string, handler: AuthedHandler): void;
  user(id: string): UserFacts | null;
  dtoOptions(q: ItemsQuery | null, userId: string | null, fields?: Set<string>): DtoOptions | null;
  /** The `/Items` handler, for endpoints that are a fixed query over it. */
  items(query: Query, pathUserId: string | null): SimResponse;
}

const page = (items: Dto[]) => json(200, { Items: items, TotalRecordCount: items.length, StartIndex: 0 });

export function registerClientRoutes(host: ClientRouteHost): void {
  const { library } = host;
  const seed = library.ctx.seed;
  const rootId = makeId(seed, 'library', 99);

  host.open('POST', '/Users/AuthenticateByName', (req) => {
    const body = (req.body ?? {}) as { Username?: unknown; Pw?: unknown };
    // Jellyfin opens a session per device: the client must name itself in the Authorization header.
    const auth = authorizationFields(authorizationHeader(req));
    const device = {
      client: auth.client ?? '',
      device: auth.device ?? '',
      deviceId: auth.deviceid ?? '',
      version: auth.version ?? '',
    };
    if (!device.client || !device.device || !device.deviceId || !device.version) {
      return json(400, { message: 'Client, Device, DeviceId and Version are required in the Authorization header.' });
    }
    if (typeof body.Username !== 'string' || body.Username === '')
      return json(400, { message: 'Username is required.' });
    const name = body.Username.toLowerCase();
    const user = library.ctx.users.find((u) => u.name.toLowerCase() === name);
    // Jellyfin answers a wrong name and a wrong password alike.
    if (!user || body.Pw !== simulatedPassword(user)) return empty(401);
    const session = host.sessions.open(user, device);
    return json(200, {
      User: userDto(user, host.serverId, library.folders),
      SessionInfo: {
        UserId: user.id,
        UserName: user.name,
        Client: session.client,
        DeviceName: session.device,
        DeviceId: session.deviceId,
        ApplicationVersion: session.version,
        ServerId: host.serverId,
        IsActive: true,
        SupportsMediaControl: false,
        SupportsRemoteControl: false,
        HasCustomDeviceName: false,
        PlayableMediaTypes: [],
        SupportedCommands: [],
        AdditionalUsers: [],
        NowPlayingQueue: [],
        NowPlayingQueueFullItems: [],
      },
      AccessToken: session.token,
      ServerId: host.serverId,
    });
  });

  // Administrators only (Jellyfin's RequiresElevation): the API key or an admin's session.
  host.authed('GET', '/Library/MediaFolders', (_req, _q, session) => {
    if (session && !session.user.isAdmin) return empty(403);
    const opts = host.dtoOptions(null, null);
    return opts ? page(library.folders.map((f) => folderDto(f, opts, rootId))) : empty(404);
  });

  const views: AuthedHandler = (req, q, session) => {
    const userId = (req.params as { userId?: string }).userId ?? q.userid ?? session?.user.id ?? null;
    const opts = userId ? host.dtoOptions(null, userId) : null;
    if (!opts) return empty(404);
    return page(library.folders.map((f) => folderDto(f, opts, rootId)));
  };
  host.authed('GET', '/UserViews', views);
  if (host.legacyUserRoutes) host.authed('GET', '/Users/:userId/Views', views);

  host.authed('GET', '/Items/Latest', (_req, q, session) => latest(host, q, session));

  host.authed('GET', '/Shows/:seriesId/Seasons', (req, q, session) => {
    const { seriesId } = req.params as { seriesId: string };
    if (host.library.resolve(seriesId)?.kind !== 'series') return empty(404);
    return host.items({ ...withSessionUser(q, session), parentid: seriesId, recursive: 'false' }, null);
  });

  host.authed('GET', '/Shows/:seriesId/Episodes', (req, q, session) => {
    const { seriesId } = req.params as { seriesId: string };
    const found = host.library.resolve(seriesId);
    if (found?.kind !== 'series') return empty(404);
    let parent = seriesId;
    if (q.seasonid) parent = q.seasonid;
    else if (q.season !== undefined && q.season !== '') {
      if (!/^\d+$/.test(q.season)) throw new BindingError('season', q.season);
      const n = Number(q.season);
      parent = makeId(seed, 'season', found.facts.index * 64 + Math.min(n, 62));
    }
    const query: Query = {
      ...withSessionUser(q, session),
      parentid: parent,
      recursive: 'true',
      includeitemtypes: 'Episode',
    };
    // `isMissing=false` is how clients ask for episodes that have a file.
    if (q.ismissing?.toLowerCase() === 'false') query.excludelocationtypes = 'Virtual';
    return host.items(query, null);
  });
}

/** A session acts as its user when the query names none. */
function withSessionUser(q: Query, session: Session | null): Query {
  return session && !q.userid ? { ...q, userid: session.user.id } : q;
}

const createdAt = (d: DateFact): number => (typeof d === 'number' ? d : -Infinity);

/**
 * `GET /Items/Latest`: the user's most recently added playable items, newest first, as a bare array.
 * Episodes are grouped under their series when a series has several (Jellyfin's
 * `LatestItemsIndexContainer`), which then carries the group's size in ChildCount. Played items are
 * hidden, as the users' `HidePlayedInLatest` setting says, unless `isPlayed` asks otherwise.
 */
function latest(host: ClientRouteHost, q: Query, session: Session | null): SimResponse {
  const { library } = host;
  const query = withSessionUser(q, session);
  const userId = query.userid ?? null;
  if (userId && !host.user(userId)) return empty(404);
  const limitText = q.limit ?? '';
  if (limitText !== '' && !/^\d+$/.test(limitText)) throw new BindingError('limit', limitText);
  const limit = limitText === '' ? 20 : Number(limitText);
  const groupItems = !/^false$/i.test(q.groupitems ?? '');
  const played = q.isplayed ?? (userId ? 'false' : undefined);
  const parsed = parseItemsQuery(
    {
      userid: userId ?? '',
      recursive: 'true',
      includeitemtypes: q.includeitemtypes ?? 'Movie,Episode',
      excludelocationtypes: 'Virtual',
      filters: 'IsNotFolder',
      ...(q.parentid ? { parentid: q.parentid } : {}),
      ...(played !== undefined ? { isplayed: played } : {}),
    },
    library.ctx.seed,
    null,
  );
  const fields = new Set(
    (q.fields ?? '')
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean),
  );
  const opts = host.dtoOptions(null, userId, fields);
  if (!opts) return empty(404);
  const dtoOpts: DtoOptions = {
    ...opts,
    enableImages: !/^false$/i.test(q.enableimages ?? ''),
    user: /^false$/i.test(q.enableuserdata ?? '') ? null : opts.user,
  };
  const userIndex = userId ? (host.user(userId)?.index ?? null) : null;
  const seq = host.sequences.get(library, parsed, userIndex);

  type Candidate = { created: number; dto: () => Dto; series: number | null };
  const candidates: Candidate[] = [];
  for (const code of seq) {
    const entry = decodeEntry(code);
    if (entry.kind === 'episode') {
      const e = library.episode(entry.canonical);
      candidates.push({
        created: createdAt(e.created),
        series: e.seriesIndex,
        dto: () => episodeDto(e, library.seriesBase(e.seriesIndex), dtoOpts),
      });
    } else {
      const at = entry.kind === 'added' ? null : library.ctx.titles.at(entry.slot);
      if (at && at.kind !== 'movie') continue;
      const m =
        entry.kind === 'added' ? library.addedMovie(entry.index) : library.movie((at as { index: number }).index);
      candidates.push({
        created: createdAt(m.created),
        series: null,
        dto: () => movieDto(m, dtoOpts, library.folders[m.library]?.id ?? ''),
      });
    }
  }
  // Newest first; ties keep the sort-name order the sequence already has.
  candidates.sort((a, b) => b.created - a.created);

  const groups: Candidate[][] = [];
  const bySeries = new Map<number, Candidate[]>();
  for (const c of candidates) {
    if (groupItems && c.series !== null) {
      const open = bySeries.get(c.series);
      if (open) {
        open.push(c);
        continue;
      }
      if (groups.length >= limit) continue;
      const group = [c];
      bySeries.set(c.series, group);
      groups.push(group);
    } else if (groups.length < limit) groups.push([c]);
  }
  return json(
    200,
    groups.map((group) => {
      const first = group[0] as Candidate;
      if (group.length > 1 && first.series !== null) {
        const s = library.series(first.series);
        return { ...seriesDto(s, dtoOpts, library.folders[s.library]?.id ?? ''), ChildCount: group.length };
      }
      return { ...first.dto(), ChildCount: 0 };
    }),
  );
}
