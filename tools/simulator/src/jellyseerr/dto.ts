import { seerrDate } from '../core/time';
import type { SeerrMedia, SeerrRequest, SeerrUser, TitleDetails } from '../data/seerr';

type Dto = Record<string, unknown>;

/** Key order and nulls as recorded from Jellyseerr 2.7.3 (see shared/fixtures). */
export function userDto(u: SeerrUser, requestCount: number, withSettings = false): Dto {
  const created = seerrDate(u.createdAt);
  return {
    permissions: u.permissions,
    warnings: [],
    id: u.id,
    email: u.email,
    plexUsername: null,
    jellyfinUsername: u.jellyfinUsername,
    username: u.username,
    recoveryLinkExpirationDate: null,
    userType: u.userType,
    plexId: null,
    jellyfinUserId: u.jellyfinUserId,
    avatar: u.jellyfinUserId ? `/avatarproxy/${u.jellyfinUserId}` : '',
    avatarETag: null,
    avatarVersion: null,
    movieQuotaLimit: null,
    movieQuotaDays: null,
    tvQuotaLimit: null,
    tvQuotaDays: null,
    createdAt: created,
    updatedAt: created,
    ...(withSettings ? { settings: null } : {}),
    requestCount,
    displayName: u.displayName,
  };
}

export interface MediaUrlBase {
  jellyfinUrl: string;
  serverId: string;
}

export function mediaDto(m: SeerrMedia, o: { seasons: boolean; urls: MediaUrlBase }): Dto {
  const created = seerrDate(m.createdAt);
  const url = (id: string) =>
    `${o.urls.jellyfinUrl}/web/index.html#!/details?id=${id}&context=home&serverId=${o.urls.serverId}`;
  return {
    downloadStatus: [],
    downloadStatus4k: [],
    id: m.id,
    mediaType: m.mediaType,
    tmdbId: m.tmdbId,
    tvdbId: m.tvdbId,
    imdbId: m.imdbId,
    status: m.status,
    status4k: m.status4k,
    createdAt: created,
    updatedAt: seerrDate(m.updatedAt),
    lastSeasonChange: seerrDate(m.updatedAt),
    mediaAddedAt: m.mediaAddedAt === null ? null : seerrDate(m.mediaAddedAt),
    serviceId: null,
    serviceId4k: null,
    externalServiceId: null,
    externalServiceId4k: null,
    externalServiceSlug: null,
    externalServiceSlug4k: null,
    ratingKey: null,
    ratingKey4k: null,
    jellyfinMediaId: m.jellyfinMediaId,
    jellyfinMediaId4k: m.jellyfinMediaId4k,
    ...(o.seasons
      ? {
          seasons: m.seasons.map((s) => ({
            id: s.id,
            seasonNumber: s.seasonNumber,
            status: s.status,
            status4k: s.status4k,
            createdAt: created,
            updatedAt: seerrDate(m.updatedAt),
          })),
        }
      : {}),
    ...(m.jellyfinMediaId ? { mediaUrl: url(m.jellyfinMediaId) } : {}),
    ...(m.jellyfinMediaId4k ? { mediaUrl4k: url(m.jellyfinMediaId4k) } : {}),
  };
}

export interface RequestContext {
  media: (id: number) => SeerrMedia;
  user: (id: number) => Dto;
  userWithSettings: (id: number) => Dto;
  urls: MediaUrlBase;
}

function requestSeasons(r: SeerrRequest): Dto[] {
  const at = seerrDate(r.createdAt);
  return r.seasons.map((s) => ({
    id: s.id,
    seasonNumber: s.seasonNumber,
    status: s.status,
    createdAt: at,
    updatedAt: seerrDate(r.updatedAt),
  }));
}

const base = (r: SeerrRequest): Dto => ({
  id: r.id,
  status: r.status,
  createdAt: seerrDate(r.createdAt),
  updatedAt: seerrDate(r.updatedAt),
  type: r.type,
  is4k: r.is4k,
  serverId: null,
  profileId: null,
  rootFolder: null,
  languageProfileId: null,
  tags: null,
  isAutoRequest: false,
});

/** As in GET /request lists: the media without its seasons, plus canRemove. */
export function requestListDto(r: SeerrRequest, c: RequestContext): Dto {
  return {
    ...base(r),
    media: mediaDto(c.media(r.mediaId), { seasons: false, urls: c.urls }),
    seasons: requestSeasons(r),
    modifiedBy: r.modifiedBy === null ? null : c.user(r.modifiedBy),
    requestedBy: c.user(r.requestedBy),
    seasonCount: r.seasons.length,
    canRemove: false,
  };
}

/** As in GET /request/{id}: the media with its per-season status. */
export function requestDto(r: SeerrRequest, c: RequestContext): Dto {
  return {
    ...base(r),
    requestedBy: c.userWithSettings(r.requestedBy),
    modifiedBy: r.modifiedBy === null ? null : c.userWithSettings(r.modifiedBy),
    media: mediaDto(c.media(r.mediaId), { seasons: true, urls: c.urls }),
    seasons: requestSeasons(r),
    seasonCount: r.seasons.length,
  };
}

function status(releaseDate: string, now: number): string {
  if (!releaseDate) return 'Planned';
  return Date.parse(releaseDate) > now ? 'Post Production' : 'Released';
}

export function movieDetailsDto(d: TitleDetails, imdbId: string | null, now: number, mediaInfo: Dto | undefined): Dto {
  return {
    id: d.tmdbId,
    imdbId,
    adult: false,
    backdropPath: null,
    posterPath: null,
    budget: 0,
    genres: [],
    homepage: '',
    relatedVideos: [],
    originalLanguage: d.originalLanguage,
    originalTitle: d.originalTitle,
    overview: `${d.title}: a generated film.`,
    popularity: 10,
    productionCompanies: [],
    productionCountries: [],
    releaseDate: d.releaseDate,
    releases: { results: [] },
    revenue: 0,
    runtime: 110,
    spokenLanguages: [],
    status: status(d.releaseDate, now),
    tagline: '',
    title: d.title,
    video: false,
    voteAverage: 6.8,
    voteCount: 1200,
    credits: { cast: [], crew: [] },
    externalIds: { imdbId, facebookId: null, instagramId: null, twitterId: null },
    ...(mediaInfo ? { mediaInfo } : {}),
    watchProviders: [],
    keywords: [],
  };
}

export function tvDetailsDto(d: TitleDetails, tvdbId: number | null, now: number, mediaInfo: Dto | undefined): Dto {
  const aired = d.seasons.map((s) => s.airDate).filter((a): a is string => !!a);
  return {
    id: d.tmdbId,
    backdropPath: null,
    posterPath: null,
    contentRatings: { results: [] },
    createdBy: [],
    episodeRunTime: [45],
    firstAirDate: d.releaseDate,
    genres: [],
    homepage: '',
    inProduction: aired.some((a) => Date.parse(a) > now),
    languages: [d.originalLanguage],
    lastAirDate: aired[aired.length - 1] ?? null,
    name: d.title,
    networks: [],
    numberOfEpisodes: d.seasons.reduce((n, s) => n + s.episodeCount, 0),
    numberOfSeasons: d.seasons.length,
    originCountry: ['US'],
    originalLanguage: d.originalLanguage,
    originalName: d.originalTitle,
    overview: `${d.title}: a generated show.`,
    popularity: 10,
    productionCompanies: [],
    productionCountries: [],
    spokenLanguages: [],
    seasons: d.seasons.map((s) => ({
      airDate: s.airDate,
      episodeCount: s.episodeCount,
      id: d.tmdbId * 100 + s.seasonNumber,
      name: s.seasonNumber === 0 ? 'Specials' : `Season ${s.seasonNumber}`,
      overview: '',
      posterPath: null,
      seasonNumber: s.seasonNumber,
    })),
    status: aired.some((a) => Date.parse(a) > now) ? 'Returning Series' : 'Ended',
    tagline: '',
    type: 'Scripted',
    voteAverage: 7.4,
    voteCount: 800,
    credits: { cast: [], crew: [] },
    externalIds: { tvdbId, imdbId: null, facebookId: null, instagramId: null, twitterId: null },
    keywords: [],
    ...(mediaInfo ? { mediaInfo } : {}),
    watchProviders: [],
  };
}
