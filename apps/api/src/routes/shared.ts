import type { FastifyReply } from 'fastify';
import { ErrorResponse } from '@mj/contracts';

/** Documents the error statuses of a route in the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));
}

/**
 * Headers for a poster relayed from a user's Jellyfin: private caching, no sniffing, and a sandbox so
 * an SVG from a foreign server never runs script on our origin.
 */
export function imageHeaders(reply: FastifyReply, maxAgeSeconds: number): FastifyReply {
  return reply
    .header('cache-control', `private, max-age=${maxAgeSeconds}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
}
