import { isMediaError } from '@mj/media';
import { ServiceError } from '../errors';

// What stops a sync, and the sentence the user reads about it.

/** A failure already phrased for the user. */
export class SyncFailure extends Error {}
/** Another worker resumed this run while this execution was cut off: leave the run to it. */
export class LostClaim extends Error {}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A human sentence for what stopped a part of the sync. */
export function describeFailure(server: 'Jellyfin' | 'Jellyseerr', error: unknown): string {
  if (error instanceof SyncFailure) return error.message;
  if (error instanceof ServiceError) return error.message;
  if (isMediaError(error)) {
    if (error.code === 'unauthorized') return `${server} rejected the API key. Reconnect the server with a valid key.`;
    return `${server}: ${error.message}`;
  }
  return `${server} sync failed unexpectedly.`;
}
