import { createHash } from 'node:crypto';
import type { Library } from '../data/library';
import type { SimResponse } from '../http/send';
import type { Query } from '../http/sim-server';

// `GET /Items/{itemId}/Images/{imageType}` (ImageApi.getItemImage in @jellyfin/sdk): the item's image,
// scaled down to `maxWidth` (aspect kept, never upscaled), 404 when the item or that image type is
// missing. Jellyfin serves images without an API key. The simulator generates a small SVG poster per item
// from its id (a colour and its initials), so the bytes are deterministic and no binary asset is stored.

const POSTER = { width: 400, height: 600 };
const SUPPORTED = new Set(['primary']);

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\w/.test(w));
  return words
    .slice(0, 2)
    .map((w) => w.replace(/^\W+/, '')[0] ?? '')
    .join('')
    .toUpperCase();
}

export function posterSvg(itemId: string, name: string, maxWidth: number | null): string {
  const hue = createHash('sha256').update(itemId).digest().readUInt16BE(0) % 360;
  const width = maxWidth === null ? POSTER.width : Math.max(1, Math.min(POSTER.width, maxWidth));
  const height = Math.round((width * POSTER.height) / POSTER.width);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 400 600">` +
    `<rect width="400" height="600" fill="hsl(${hue},45%,35%)"/>` +
    `<text x="200" y="330" font-family="sans-serif" font-size="140" fill="#fff" text-anchor="middle">` +
    `${escapeXml(initials(name))}</text></svg>`
  );
}

function positiveInt(value: string | undefined): number | null | 'bad' {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 'bad';
}

export function itemImage(library: Library, itemId: string, imageType: string, q: Query): SimResponse {
  if (!SUPPORTED.has(imageType.toLowerCase())) return { status: 404, body: '' };
  const found = library.resolve(itemId.toLowerCase().replace(/-/g, ''));
  if (!found || found.kind === 'library') return { status: 404, body: '' };
  const maxWidth = positiveInt(q.maxwidth);
  if (maxWidth === 'bad') return { status: 400, body: '' };
  const body = posterSvg(found.facts.id, found.facts.name, maxWidth);
  return {
    status: 200,
    body,
    headers: {
      'content-type': 'image/svg+xml',
      etag: `"${createHash('sha1').update(body).digest('hex')}"`,
      'cache-control': 'public',
    },
  };
}
