import {
  JellyfinClient,
  JellyseerrClient,
  RadarrClient,
  SonarrClient,
  type JellyfinPageSizes,
  type RequestHook,
  type RetryOptions,
  type SharedLimit,
} from '@mj/media';
import type { SecretBox } from './crypto/secret-box';

/** How this deployment reaches users' media servers (from MEDIA_* configuration). */
export interface MediaSettings {
  allowPrivateNetwork: boolean;
  concurrency: number;
  timeoutMs: number;
  /** Tests shrink backoffs; production keeps the defaults. */
  retry?: RetryOptions;
  /** Bounds requests per media server across processes (Redis, in production). */
  sharedLimit?: SharedLimit;
  /** Tests shrink Jellyfin pages to exercise paging; production keeps the defaults. */
  jellyfinPageSizes?: Partial<JellyfinPageSizes>;
}

export interface MediaDeps {
  secrets: SecretBox;
  media: MediaSettings;
}

export interface ServerAccess {
  url: string;
  apiKey: string;
  certFingerprint?: string | null;
  onRequest?: RequestHook;
}

export function jellyfinClient(settings: MediaSettings, access: ServerAccess): JellyfinClient {
  // Episode pages carry every stream of every version (~3.5 KB each): 500 per page keeps a page and
  // its prefetched successors small (measured in bench/RESULTS.md); watch pages are lean, so larger.
  // Id-only items still weigh ~0.9 KB each as JSON: 25,000 a page keeps two pages in flight small and a
  // large library's id listing to 9 requests (peak RSS was the same with 20,000 and 50,000; issue 12).
  return new JellyfinClient({
    ...clientOptions(settings, access),
    pageSizes: { watch: 5000, episode: 500, ids: 25_000, ...settings.jellyfinPageSizes },
  });
}

// Jellyseerr's `take` has no maximum in its API description (2.7.3 and Seerr), and a request or media row
// is small (~2 KB): 1,000 a page makes a large tenant's 2,000 requests 3 list calls per listing instead of
// 20, which is most of an unchanged nightly sync's requests (issue 12).
const SEERR_PAGE_SIZE = 1_000;

export function jellyseerrClient(settings: MediaSettings, access: ServerAccess): JellyseerrClient {
  return new JellyseerrClient({ ...clientOptions(settings, access), pageSize: SEERR_PAGE_SIZE });
}

export function radarrClient(settings: MediaSettings, access: ServerAccess): RadarrClient {
  return new RadarrClient(clientOptions(settings, access));
}

export function sonarrClient(settings: MediaSettings, access: ServerAccess): SonarrClient {
  return new SonarrClient(clientOptions(settings, access));
}

function clientOptions(settings: MediaSettings, access: ServerAccess) {
  return {
    url: access.url,
    apiKey: access.apiKey,
    allowPrivateNetwork: settings.allowPrivateNetwork,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
    pinnedFingerprint: access.certFingerprint ?? null,
    ...(settings.retry ? { retry: settings.retry } : {}),
    ...(settings.sharedLimit ? { sharedLimit: settings.sharedLimit } : {}),
    ...(access.onRequest ? { onRequest: access.onRequest } : {}),
  };
}
