import { MediaError } from '../errors';
import { ApiTransport, type MediaClientOptions } from '../http/api-transport';
import { normaliseServerUrl } from '../server-url';

// Posters: `GET /Items/{itemId}/Images/Primary?maxWidth=&quality=` (ImageApi.getItemImage in
// @jellyfin/sdk). Only raster types and SVG are accepted; anything else (an HTML error page behind a
// proxy, say) is refused so the API never relays it to a browser as an image.

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/svg+xml'];
/** A poster is a few tens of kB; anything past this is not a poster. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface FetchedImage {
  contentType: string;
  bytes: Buffer;
}

export class JellyfinImages {
  readonly #transport: ApiTransport;

  constructor(options: MediaClientOptions) {
    this.#transport = new ApiTransport(
      { ...options, maxResponseBytes: Math.min(options.maxResponseBytes ?? MAX_IMAGE_BYTES, MAX_IMAGE_BYTES) },
      {
        baseUrl: normaliseServerUrl(options.url, 'jellyfin'),
        serverLabel: 'Jellyfin',
        authHeaders: { authorization: `MediaBrowser Token="${options.apiKey}"` },
      },
    );
  }

  /** The item's primary image at most `maxWidth` wide; null when the item has none (404). */
  async primary(itemId: string, maxWidth: number, quality = 90): Promise<FetchedImage | null> {
    try {
      const res = await this.#transport.bytes(
        'GET /Items/{id}/Images/Primary',
        `/Items/${encodeURIComponent(itemId)}/Images/Primary`,
        { query: { maxWidth, quality }, accept: 'image/*' },
      );
      const raw = res.headers['content-type'];
      const contentType = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!IMAGE_TYPES.includes(contentType)) {
        throw new MediaError({
          code: 'invalid_response',
          message: `Jellyfin answered the image of ${itemId} with ${contentType || 'no content type'}`,
          details: { route: 'GET /Items/{id}/Images/Primary', contentType },
        });
      }
      return { contentType, bytes: res.body };
    } catch (err) {
      if (err instanceof MediaError && err.status === 404) return null;
      throw err;
    }
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}
