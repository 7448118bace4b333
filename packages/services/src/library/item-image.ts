import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ItemImageQuery } from '@mj/contracts';
import { findTitleRow } from '@mj/db';
import { isMediaError, JellyfinImages } from '@mj/media';
import { loadServerAccess } from '../connections/connections';
import type { TenantContext } from '../context';
import { notFound, ServiceError } from '../errors';
import type { MediaDeps } from '../media-context';

// `GET /api/items/{id}/image`: a title's Jellyfin poster, fetched through the guarded client and cached
// on disk (DATA_DIR/images/<tenant>/...), so a library page of 50 posters costs Jellyfin nothing after
// the first view. The ETag is a hash of the bytes: it changes exactly when the poster does.

/** One of contracts' IMAGE_WIDTHS: a closed set keeps the cache bounded (one file per title and width). */
export type ImageWidth = ItemImageQuery['width'];
/** A cached poster is refetched after this long (posters rarely change; a week bounds staleness). */
export const IMAGE_TTL_MS = 7 * 24 * 60 * 60_000;

export interface ItemImage {
  contentType: string;
  etag: string;
  bytes: Buffer;
}

interface CacheMeta {
  contentType: string;
  etag: string;
  fetchedAt: number;
}

export type ImageContext = TenantContext & MediaDeps & { imageCacheDir: string };

function cachePaths(ctx: ImageContext, itemId: string, width: number) {
  // Hashing the id keeps any character of a (validated, but foreign) id out of the file system.
  const key = createHash('sha256').update(itemId).digest('hex').slice(0, 32);
  const dir = join(ctx.imageCacheDir, ctx.tenantId);
  return { dir, data: join(dir, `${key}-${width}.img`), meta: join(dir, `${key}-${width}.json`) };
}

async function readCache(paths: ReturnType<typeof cachePaths>): Promise<(ItemImage & CacheMeta) | null> {
  try {
    const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as CacheMeta;
    const bytes = await readFile(paths.data);
    return { ...meta, bytes };
  } catch {
    return null;
  }
}

async function writeCache(paths: ReturnType<typeof cachePaths>, image: ItemImage, fetchedAt: number) {
  await mkdir(paths.dir, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  // Data first, then meta, each renamed into place: a reader never sees a meta without its bytes.
  await writeFile(paths.data + suffix, image.bytes);
  await rename(paths.data + suffix, paths.data);
  const meta: CacheMeta = { contentType: image.contentType, etag: image.etag, fetchedAt };
  await writeFile(paths.meta + suffix, JSON.stringify(meta));
  await rename(paths.meta + suffix, paths.meta);
}

export async function itemImage(ctx: ImageContext, input: { itemId: string; width: ImageWidth }): Promise<ItemImage> {
  const title = await findTitleRow(ctx.db, ctx.tenantId, input.itemId);
  if (!title) throw notFound('item_not_found', 'No such title in your library');
  const now = ctx.clock.now();
  const paths = cachePaths(ctx, title.id, input.width);
  const cached = await readCache(paths);
  if (cached && now - cached.fetchedAt < IMAGE_TTL_MS) return cached;

  const access = await loadServerAccess(ctx, ctx.tenantId, 'jellyfin');
  if (!access) {
    if (cached) return cached;
    throw notFound('image_not_found', 'Jellyfin is not connected');
  }
  const client = new JellyfinImages({
    ...access,
    allowPrivateNetwork: ctx.media.allowPrivateNetwork,
    concurrency: ctx.media.concurrency,
    timeoutMs: ctx.media.timeoutMs,
    ...(ctx.media.retry ? { retry: ctx.media.retry } : {}),
  });
  try {
    const fetched = await client.primary(title.id, input.width);
    if (!fetched) throw notFound('image_not_found', 'This title has no poster in Jellyfin');
    const etag = `"${createHash('sha256').update(fetched.bytes).digest('base64url').slice(0, 27)}"`;
    const image = { contentType: fetched.contentType, etag, bytes: fetched.bytes };
    await writeCache(paths, image, now);
    return image;
  } catch (err) {
    // A stale poster beats none while Jellyfin is down; the message never carries its URL or key.
    if (cached && isMediaError(err)) return cached;
    if (isMediaError(err)) {
      throw new ServiceError('unavailable', 'image_unavailable', 'Jellyfin could not send this poster right now');
    }
    throw err;
  } finally {
    await client.close();
  }
}
