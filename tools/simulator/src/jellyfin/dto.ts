import { makeId } from '../core/ids';
import { hash32 } from '../core/prng';
import { JELLYFIN_SENTINEL_DATE, jellyfinDate } from '../core/time';
import type { DateFact, EpisodeFacts, MovieFacts, SeriesFacts, SourceFacts, WatchFacts } from '../data/facts';
import { ISO1 } from '../data/languages';
import type { LibraryFolder } from '../data/library';
import type { UserFacts } from '../data/users';
import type { ProfileTraits } from './profiles';
import { mediaSourceDto, mediaStreams } from './streams';

export type Dto = Record<string, unknown>;

export interface DtoOptions {
  seed: number;
  serverId: string;
  /** Requested Fields, lower case; unknown names are simply never looked up. */
  fields: ReadonlySet<string>;
  user: UserFacts | null;
  enableImages: boolean;
  traits: ProfileTraits;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function date(d: DateFact): string | undefined {
  if (d === 'sentinel') return JELLYFIN_SENTINEL_DATE;
  return d === null ? undefined : jellyfinDate(d);
}

/**
 * Jellyfin omits null fields. DTOs here never hold null, only undefined, which JSON.stringify drops;
 * deleting keys instead would turn every DTO into a slow dictionary-mode object.
 */
function compact(dto: Dto): Dto {
  return dto;
}

/** The fields every item starts with: its name and ids, and the dates the Fields asked for. */
function identity(item: { name: string; id: string; saved?: number }, created: DateFact, opts: DtoOptions): Dto {
  const f = opts.fields;
  return {
    Name: item.name,
    ServerId: opts.serverId,
    Id: item.id,
    DateCreated: f.has('datecreated') ? date(created) : undefined,
    DateLastSaved: f.has('datelastsaved') && item.saved !== undefined ? jellyfinDate(item.saved) : undefined,
  };
}

function images(id: string, opts: DtoOptions, backdrop: boolean): Dto {
  if (!opts.enableImages) return {};
  const tag = hash32(opts.seed, id.length, parseInt(id.slice(0, 8), 16))
    .toString(16)
    .padStart(8, '0');
  return {
    ImageTags: { Primary: `${tag}${tag}${tag}${tag}` },
    BackdropImageTags: backdrop ? [`${tag}${tag}`.repeat(2)] : [],
  };
}

function userData(id: string, key: string, watch: WatchFacts | undefined, extra: Dto = {}): Dto {
  return compact({
    PlaybackPositionTicks: watch?.positionTicks ?? 0,
    PlayCount: watch?.playCount ?? 0,
    IsFavorite: false,
    LastPlayedDate: watch ? date(watch.lastPlayed) : undefined,
    Played: watch?.played ?? false,
    Key: key,
    ItemId: id,
    ...extra,
  });
}

function sources(
  list: SourceFacts[],
  name: string,
  runTimeTicks: number,
  opts: DtoOptions,
  original: MovieFacts['originalLanguage'] | null,
): Dto {
  const want = opts.fields.has('mediasources');
  const wantStreams = opts.fields.has('mediastreams');
  if (!want && !wantStreams) return {};
  const built = list.map((s) => {
    const streams = mediaStreams(s, original, opts.traits.languageFields);
    return { dto: mediaSourceDto(s, name, runTimeTicks, streams), streams };
  });
  return {
    ...(want ? { MediaSources: built.map((b) => b.dto) } : {}),
    ...(wantStreams ? { MediaStreams: built[0]?.streams ?? [] } : {}),
  };
}

export function movieDto(m: MovieFacts, opts: DtoOptions, libraryId: string): Dto {
  const f = opts.fields;
  const watch = opts.user ? m.watch.find((w) => w.user === opts.user?.index) : undefined;
  const premiere = Date.UTC(m.year, hash32(m.index, 1) % 12, 1 + (hash32(m.index, 2) % 28));
  return compact({
    ...identity(m, m.created, opts),
    SortName: f.has('sortname') ? m.sortName : undefined,
    PremiereDate: jellyfinDate(premiere),
    ...sources(m.sources, m.name, m.runTimeTicks, opts, m.originalLanguage),
    Path: f.has('path') ? (m.sources[0]?.path ?? `/media/movies/${m.name} (${m.year})`) : undefined,
    OriginalLanguage: opts.traits.languageFields ? ISO1[m.originalLanguage] : undefined,
    ProductionYear: m.year,
    Overview: f.has('overview') ? `${m.name}: a generated film.` : undefined,
    ProviderIds: f.has('providerids')
      ? compact({ Tmdb: m.tmdb === null ? undefined : String(m.tmdb), Imdb: m.imdb ?? undefined })
      : undefined,
    IsFolder: false,
    ParentId: libraryId,
    Type: 'Movie',
    UserData: opts.user ? userData(m.id, String(m.tmdb ?? m.id), watch) : undefined,
    RunTimeTicks: m.runTimeTicks,
    ...images(m.id, opts, true),
    MediaSourceCount: m.sources.length > 1 ? m.sources.length : undefined,
    LocationType: 'FileSystem',
    MediaType: 'Video',
  });
}

export function seriesDto(s: SeriesFacts, opts: DtoOptions, libraryId: string): Dto {
  const f = opts.fields;
  const real = s.episodes.filter((e) => !e.virtual);
  let user: Dto | undefined;
  if (opts.user) {
    const u = opts.user.index;
    const playedCount = real.filter((e) => e.watch.some((w) => w.user === u && w.played)).length;
    user = userData(s.id, String(s.tmdb ?? s.id), undefined, {
      UnplayedItemCount: real.length - playedCount,
      Played: real.length > 0 && playedCount === real.length,
    });
  }
  const lastAdded = s.episodes.map((e) => e.created).filter((d): d is number => typeof d === 'number');
  return compact({
    ...identity(s, s.folderCreated, opts),
    // Jellyfin's own value counts placeholder episodes too: clients must not trust it for "added".
    DateLastMediaAdded:
      f.has('datelastmediaadded') && lastAdded.length > 0 ? jellyfinDate(Math.max(...lastAdded)) : undefined,
    SortName: f.has('sortname') ? s.sortName : undefined,
    PremiereDate: jellyfinDate(Date.UTC(s.year, 0, 1)),
    Path: f.has('path') ? `/media/tv/${s.name}` : undefined,
    OriginalLanguage: opts.traits.languageFields ? ISO1[s.originalLanguage] : undefined,
    ProductionYear: s.year,
    ProviderIds: f.has('providerids')
      ? compact({
          Tmdb: s.tmdb === null ? undefined : String(s.tmdb),
          Tvdb: s.tvdb === null ? undefined : String(s.tvdb),
          Imdb: s.imdb ?? undefined,
        })
      : undefined,
    IsFolder: true,
    ParentId: libraryId,
    Type: 'Series',
    Status: s.scenario.created === 'veryRecent' ? 'Continuing' : 'Ended',
    UserData: user,
    ChildCount: f.has('childcount') ? new Set(s.layout.map((l) => l.season)).size : undefined,
    RecursiveItemCount: f.has('recursiveitemcount') ? real.length : undefined,
    ...images(s.id, opts, true),
    LocationType: 'FileSystem',
    MediaType: 'Unknown',
  });
}

export function seasonName(season: number | null): string {
  return season === null || season === 0 ? 'Specials' : `Season ${season}`;
}

export function episodeDto(
  e: EpisodeFacts,
  s: Pick<SeriesFacts, 'id' | 'name' | 'tmdb' | 'originalLanguage'>,
  opts: DtoOptions,
): Dto {
  const f = opts.fields;
  const watch = opts.user ? e.watch.find((w) => w.user === opts.user?.index) : undefined;
  const key = `${s.tmdb ?? s.id}${pad(e.season ?? 0, 3)}${pad(e.episode, 3)}`;
  return compact({
    ...identity(e, e.created, opts),
    SortName: f.has('sortname') ? e.sortName : undefined,
    PremiereDate: jellyfinDate(e.premiere),
    ...(e.source
      ? sources([e.source], e.name, e.runTimeTicks, opts, s.originalLanguage)
      : f.has('mediasources')
        ? { MediaSources: [] }
        : {}),
    Path: f.has('path') && e.source ? e.source.path : undefined,
    ProductionYear: new Date(e.premiere).getUTCFullYear(),
    IndexNumber: e.episode,
    ParentIndexNumber: e.season ?? undefined,
    ProviderIds: f.has('providerids') ? {} : undefined,
    IsFolder: false,
    ParentId: e.seasonId,
    Type: 'Episode',
    SeriesName: s.name,
    SeriesId: s.id,
    SeasonId: e.seasonId,
    SeasonName: seasonName(e.season),
    UserData:
      opts.user && !e.virtual ? userData(e.id, key, watch) : opts.user ? userData(e.id, key, undefined) : undefined,
    RunTimeTicks: e.virtual ? undefined : e.runTimeTicks,
    ...images(e.id, opts, false),
    LocationType: e.virtual ? 'Virtual' : 'FileSystem',
    MediaType: 'Video',
  });
}

export function seasonDto(s: SeriesFacts, season: number | null, opts: DtoOptions): Dto {
  const id = makeId(opts.seed, 'season', s.index * 64 + (season === null ? 63 : Math.min(season, 62)));
  return compact({
    Name: seasonName(season),
    ServerId: opts.serverId,
    Id: id,
    IndexNumber: season ?? undefined,
    IsFolder: true,
    ParentId: s.id,
    Type: 'Season',
    SeriesName: s.name,
    SeriesId: s.id,
    LocationType: 'FileSystem',
    MediaType: 'Unknown',
  });
}

export function folderDto(folder: LibraryFolder, opts: DtoOptions, rootId: string): Dto {
  return compact({
    Name: folder.name,
    ServerId: opts.serverId,
    Id: folder.id,
    DateCreated: opts.fields.has('datecreated') ? jellyfinDate(Date.UTC(2021, 0, 1)) : undefined,
    Path: opts.fields.has('path') ? `/config/root/default/${folder.name}` : undefined,
    IsFolder: true,
    ParentId: rootId,
    Type: 'CollectionFolder',
    // A mixed library has no collection type on its folder item (only in VirtualFolders).
    CollectionType: folder.collectionType === 'mixed' ? undefined : folder.collectionType,
    LocationType: 'FileSystem',
    MediaType: 'Unknown',
  });
}
