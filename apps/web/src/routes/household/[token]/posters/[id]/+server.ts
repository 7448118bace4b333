import { apiPath } from '$lib/api/paths';
import { webConfig } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** The API's image headers the browser must see too: caching, the ETag, and the no-sniff sandbox. */
const RELAYED = ['content-type', 'cache-control', 'etag', 'x-content-type-options', 'content-security-policy'];

/**
 * Posters of the household page, relayed from the public API route (which checks the token and that the
 * title is on the page, and fetches it from Jellyfin). The width and If-None-Match go through, so the
 * fixed widths and 304s behave as on the owner's lists.
 */
export const GET: RequestHandler = async ({ params, url, request, fetch }) => {
  const width = url.searchParams.get('width');
  const poster = apiPath('/api/public/household/{token}/posters/{deletionId}', {
    token: params.token,
    deletionId: params.id,
  });
  const res = await fetch(
    `${webConfig().apiInternalUrl}${poster}${width ? `?width=${encodeURIComponent(width)}` : ''}`,
    { headers: request.headers.has('if-none-match') ? { 'if-none-match': request.headers.get('if-none-match')! } : {} },
  );
  if (res.status !== 200 && res.status !== 304) return new Response(null, { status: res.status === 400 ? 400 : 404 });
  const headers = new Headers();
  for (const name of RELAYED) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(res.status === 304 ? null : await res.arrayBuffer(), { status: res.status, headers });
};
