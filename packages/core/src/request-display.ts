// How a request is shown (RULES.md §6): title choice and requester display name.
import type { SeerrRequest, SeerrUser } from './model';
import type { TitleFacts } from './facts';

/**
 * Nicknames chosen by the owner, keyed by Jellyseerr user id (as a string) or by Jellyfin user id.
 */
export type Nicknames = ReadonlyMap<string, string>;

const nonEmpty = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * The Jellyfin name when the item is in the library, else the Jellyseerr title (fetched in the tenant's
 * `titleLanguage`), else the original title, else `TMDB <id>`.
 */
export function requestTitle(
  request: Pick<SeerrRequest, 'media' | 'info' | 'id'>,
  libraryTitle: Pick<TitleFacts, 'name'> | null,
): string {
  return (
    nonEmpty(libraryTitle?.name) ??
    nonEmpty(request.info?.title) ??
    nonEmpty(request.info?.originalTitle) ??
    (request.media.tmdbId != null ? `TMDB ${request.media.tmdbId}` : `Request ${request.id}`)
  );
}

/** What identifies a request in every list it shows up in: ids, kind and the title to show. */
export function requestHeadline(
  request: Pick<SeerrRequest, 'id' | 'type' | 'is4k' | 'media' | 'info'>,
  libraryTitle: Pick<TitleFacts, 'name'> | null,
) {
  return {
    requestId: request.id,
    mediaType: request.type,
    is4k: request.is4k,
    tmdbId: request.media.tmdbId,
    title: requestTitle(request, libraryTitle),
  };
}

/** The nickname, else the Jellyseerr display name; null (never '') when neither is known. */
export function requesterName(user: SeerrUser | null, nicknames: Nicknames): string | null {
  if (!user) return null;
  return (
    nonEmpty(nicknames.get(String(user.id))) ??
    (user.jellyfinUserId ? nonEmpty(nicknames.get(user.jellyfinUserId)) : null) ??
    nonEmpty(user.displayName)
  );
}
