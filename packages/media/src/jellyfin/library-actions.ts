import { z } from 'zod';
import { MediaError } from '../errors';
import { ApiTransport, type MediaClientOptions } from '../http/api-transport';
import { normaliseServerUrl } from '../server-url';

// What cleanup asks of Jellyfin (RULES §9): does an item still exist, delete it (only when the owner
// allowed it), keep the "Leaving soon" collection (BoxSet) equal to the scheduled set, rescan.
// Endpoints as in @jellyfin/sdk: DELETE /Items/{itemId}; POST /Collections?name=&ids=;
// POST|DELETE /Collections/{collectionId}/Items?ids=; GET /Items?includeItemTypes=BoxSet, ?parentId=.

const itemsSchema = z.object({
  Items: z.array(z.object({ Id: z.string(), Name: z.string().nullish(), Type: z.string().nullish() })),
});
const createdSchema = z.object({ Id: z.string() });

/** Ids per request URL: long lists are sent in slices so the query string stays well under limits. */
const IDS_PER_CALL = 100;

export class JellyfinLibraryActions {
  readonly #transport: ApiTransport;

  constructor(options: MediaClientOptions) {
    const baseUrl = normaliseServerUrl(options.url, 'jellyfin');
    this.#transport = new ApiTransport(options, {
      baseUrl,
      serverLabel: 'Jellyfin',
      authHeaders: { authorization: `MediaBrowser Token="${options.apiKey}"` },
    });
  }

  /** A fresh read of one item: false when Jellyfin no longer has it (404). */
  async itemExists(itemId: string): Promise<boolean> {
    try {
      await this.#transport.json(
        'GET /Items/{id}',
        `/Items/${encodeURIComponent(itemId)}`,
        z.object({ Id: z.string() }),
      );
      return true;
    } catch (err) {
      if (err instanceof MediaError && err.status === 404) return false;
      throw err;
    }
  }

  /** Deletes the item and its files through Jellyfin. 'gone' when it was already deleted. */
  async deleteItem(itemId: string): Promise<'deleted' | 'gone'> {
    try {
      await this.#transport.send('DELETE /Items/{id}', `/Items/${encodeURIComponent(itemId)}`, { method: 'DELETE' });
      return 'deleted';
    } catch (err) {
      if (err instanceof MediaError && err.status === 404) return 'gone';
      throw err;
    }
  }

  async findCollection(name: string): Promise<string | null> {
    const page = await this.#transport.json('GET /Items (BoxSet)', '/Items', itemsSchema, {
      query: { includeItemTypes: 'BoxSet', recursive: true, searchTerm: name },
    });
    return page.Items.find((i) => (i.Name ?? '').toLowerCase() === name.toLowerCase())?.Id ?? null;
  }

  async createCollection(name: string): Promise<string> {
    const created = await this.#transport.json('POST /Collections', '/Collections', createdSchema, {
      method: 'POST',
      query: { name, isLocked: true },
    });
    return created.Id;
  }

  async collectionItemIds(collectionId: string): Promise<string[]> {
    const page = await this.#transport.json('GET /Items (collection)', '/Items', itemsSchema, {
      query: { parentId: collectionId },
    });
    return page.Items.map((i) => i.Id);
  }

  async addToCollection(collectionId: string, itemIds: readonly string[]): Promise<void> {
    for (let i = 0; i < itemIds.length; i += IDS_PER_CALL)
      await this.#transport.send('POST /Collections/{id}/Items', `/Collections/${collectionId}/Items`, {
        method: 'POST',
        query: { ids: itemIds.slice(i, i + IDS_PER_CALL).join(',') },
      });
  }

  async removeFromCollection(collectionId: string, itemIds: readonly string[]): Promise<void> {
    for (let i = 0; i < itemIds.length; i += IDS_PER_CALL)
      await this.#transport.send('DELETE /Collections/{id}/Items', `/Collections/${collectionId}/Items`, {
        method: 'DELETE',
        query: { ids: itemIds.slice(i, i + IDS_PER_CALL).join(',') },
      });
  }

  /** Asks Jellyfin to rescan, so the deleted files leave its library. */
  async rescan(): Promise<void> {
    await this.#transport.send('POST /Library/Refresh', '/Library/Refresh', { method: 'POST' });
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}
