import { parseApiDate } from '@mj/core';
import type { SeerrMedia, SeerrRequest, SeerrTitleInfo, SeerrUser } from '@mj/core';
import type { z } from 'zod';
import type { MediaDto, RequestDto, UserDto, movieDetailsSchema, tvDetailsSchema } from './schemas';

export function toSeerrUser(dto: UserDto): SeerrUser {
  return {
    id: dto.id,
    displayName: dto.displayName?.trim() || null,
    jellyfinUserId: dto.jellyfinUserId ?? null,
    // Only a plausible address: the optional "recently available" mail to requesters goes there.
    email: dto.email && /^[^\s@]+@[^\s@]+$/.test(dto.email.trim()) ? dto.email.trim() : null,
  };
}

export function toSeerrMedia(dto: MediaDto): SeerrMedia {
  return {
    id: dto.id,
    mediaType: dto.mediaType,
    tmdbId: dto.tmdbId ?? null,
    tvdbId: dto.tvdbId ?? null,
    imdbId: dto.imdbId ?? null,
    status: dto.status,
    status4k: dto.status4k ?? 1,
    mediaAddedAt: parseApiDate(dto.mediaAddedAt),
    seasons: (dto.seasons ?? []).map((s) => ({
      seasonNumber: s.seasonNumber,
      status: s.status,
      status4k: s.status4k ?? 1,
    })),
  };
}

export function toSeerrRequest(dto: RequestDto): SeerrRequest {
  return {
    id: dto.id,
    type: dto.type,
    status: dto.status,
    is4k: dto.is4k ?? false,
    createdAt: parseApiDate(dto.createdAt),
    updatedAt: parseApiDate(dto.updatedAt),
    requestedBy: dto.requestedBy ? toSeerrUser(dto.requestedBy) : null,
    seasons: (dto.seasons ?? []).map((s) => s.seasonNumber),
    media: toSeerrMedia(dto.media),
    info: null,
  };
}

/** TMDB formats dates as `YYYY-MM-DD`, but an empty string means unknown. */
function dateOrNull(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

export function movieTitleInfo(dto: z.infer<typeof movieDetailsSchema>): SeerrTitleInfo {
  return {
    title: dto.title || null,
    originalTitle: dto.originalTitle || null,
    releaseDate: dateOrNull(dto.releaseDate),
    seasonAirDates: [],
  };
}

export function tvTitleInfo(dto: z.infer<typeof tvDetailsSchema>): SeerrTitleInfo {
  return {
    title: dto.name || null,
    originalTitle: dto.originalName || null,
    releaseDate: dateOrNull(dto.firstAirDate),
    seasonAirDates: (dto.seasons ?? []).map((s) => ({ seasonNumber: s.seasonNumber, airDate: dateOrNull(s.airDate) })),
  };
}

/**
 * Request lists omit `media.seasons`; the per-season statuses come from the /media listing. Gives
 * each request its media row's seasons (and the row's statuses, which are as fresh or fresher).
 * A request whose media row is missing keeps what it had.
 */
export function joinRequestsWithMedia(requests: readonly SeerrRequest[], media: readonly SeerrMedia[]): SeerrRequest[] {
  const byId = new Map(media.map((m) => [m.id, m]));
  return requests.map((request) => {
    const row = byId.get(request.media.id);
    return row ? { ...request, media: { ...request.media, ...row, seasons: row.seasons } } : request;
  });
}
