import { apiPath } from '$lib/api/paths';
import { webConfig } from '$lib/server/env';
import type { RequestHandler } from './$types';

/** Posters of the household page, relayed from the API (which fetches them from Jellyfin). */
export const GET: RequestHandler = async ({ params, fetch }) => {
  const poster = apiPath('/api/public/household/{token}/posters/{deletionId}', {
    token: params.token,
    deletionId: params.id,
  });
  const res = await fetch(`${webConfig().apiInternalUrl}${poster}`);
  if (!res.ok) return new Response(null, { status: 404 });
  return new Response(await res.arrayBuffer(), {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'image/jpeg',
      'cache-control': 'private, max-age=3600',
    },
  });
};
