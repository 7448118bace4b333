export { MediaError, isMediaError, httpStatusError, type MediaErrorCode, type MediaErrorInit } from './errors';
export {
  classifyAddress,
  isAddressAllowed,
  type AddressCategory,
  type AddressPolicy,
  type AddressVerdict,
} from './http/address-policy';
export {
  systemResolver,
  normaliseFingerprint,
  type Resolver,
  type ResolvedAddress,
  type TlsPolicy,
} from './http/guarded-connector';
export {
  GuardedHttpClient,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type GuardedHttpOptions,
  type HttpRequest,
  type HttpResponse,
} from './http/guarded-http-client';
export { withRetry, backoffDelay, parseRetryAfter, type RetryOptions } from './http/retry';
export { Semaphore } from './http/semaphore';
export type { SharedLimit } from './http/shared-limit';
export { DEFAULT_CONCURRENCY, type MediaClientOptions } from './http/api-transport';
export {
  createRequestCounter,
  type RequestCounter,
  type RequestEvent,
  type RequestHook,
  type RouteStats,
} from './request-counter';
export { normaliseServerUrl, type ServerKind } from './server-url';
export {
  JellyfinClient,
  DEFAULT_JELLYFIN_PAGE_SIZES,
  type JellyfinClientOptions,
  type JellyfinLibrary,
  type JellyfinPageSizes,
  type JellyfinServerInfo,
  type ItemPage,
  type RefreshTaskState,
  type WatchFilter,
} from './jellyfin/client';
export {
  JellyseerrClient,
  type JellyseerrClientOptions,
  type TitleLookup,
  type JellyseerrServerInfo,
  type SeerrPage,
} from './jellyseerr/client';
export { joinRequestsWithMedia } from './jellyseerr/mappers';
export { ArrClient, type ArrDeleteOutcome, type ArrServerInfo } from './arr/arr-client';
export { RadarrClient } from './arr/radarr-client';
export { SonarrClient } from './arr/sonarr-client';
export {
  countListedItems,
  listChangedItems,
  listItemIdPages,
  type ChangedItems,
  type ListedId,
} from './jellyfin/incremental-listing';
export { JellyfinLibraryActions } from './jellyfin/library-actions';
export { JellyfinImages, IMAGE_TYPES, type FetchedImage } from './jellyfin/images';
