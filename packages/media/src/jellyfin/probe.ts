import { MediaError } from '../errors';
import type { ApiTransport } from '../http/api-transport';
import { publicSystemInfoSchema, systemInfoSchema } from './schemas';

export interface JellyfinServerInfo {
  serverName: string;
  version: string;
  id: string;
}

/**
 * Checks that the URL is a Jellyfin server (public info, no key needed) and that the key works.
 * Two requests so the user is told which of the two is wrong.
 */
export async function probeJellyfin(transport: ApiTransport, baseUrl: string): Promise<JellyfinServerInfo> {
  let publicInfo;
  try {
    publicInfo = await transport.json('GET /System/Info/Public', '/System/Info/Public', publicSystemInfoSchema);
  } catch (err) {
    if (err instanceof MediaError && (err.code === 'invalid_response' || err.code === 'http_error') && !err.retryable) {
      throw new MediaError({
        code: 'invalid_response',
        status: err.status,
        message: `${baseUrl} does not look like a Jellyfin server`,
        cause: err,
      });
    }
    throw err;
  }
  if (publicInfo.ProductName && !/jellyfin/i.test(publicInfo.ProductName)) {
    throw new MediaError({
      code: 'invalid_response',
      message: `${baseUrl} is a ${publicInfo.ProductName}, not a Jellyfin server`,
    });
  }
  try {
    const info = await transport.json('GET /System/Info', '/System/Info', systemInfoSchema);
    return {
      serverName: info.ServerName ?? publicInfo.ServerName ?? '',
      version: info.Version ?? publicInfo.Version ?? '',
      id: info.Id ?? publicInfo.Id ?? '',
    };
  } catch (err) {
    if (err instanceof MediaError && err.code === 'unauthorized') {
      throw new MediaError({
        code: 'unauthorized',
        status: err.status,
        message: 'Jellyfin rejected the API key',
        cause: err,
      });
    }
    throw err;
  }
}
