import type { MediaLibrary } from '@mj/contracts';
import type { Schema } from '$lib/server/api-client';

/** `GET /api/media-libraries`, checked by hand: its schema lives in the API, not in the contracts. */
export const MediaLibraryList: Schema<{ items: MediaLibrary[] }> = {
  safeParse(data) {
    const items = (data as { items?: unknown } | null)?.items;
    const valid =
      Array.isArray(items) &&
      items.every(
        (item: Partial<MediaLibrary> | null) =>
          typeof item?.id === 'string' &&
          typeof item.name === 'string' &&
          (item.collectionType === null || typeof item.collectionType === 'string'),
      );
    return valid
      ? { success: true, data: { items: items as MediaLibrary[] } }
      : { success: false, error: { message: 'expected { items: [{ id, name, collectionType }] }' } };
  },
};
