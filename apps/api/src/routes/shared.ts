import type { FastifyReply, FastifyRequest } from 'fastify';
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

/**
 * Sends a poster with the headers above and its ETag, or a bodiless 304 when the client already holds
 * it: the one way both the owner's route and the household page's public route answer with an image.
 */
export function sendImage(
  request: FastifyRequest,
  reply: FastifyReply,
  image: { contentType: string; etag: string; bytes: Buffer },
  maxAgeSeconds: number,
): FastifyReply {
  imageHeaders(reply, maxAgeSeconds).header('etag', image.etag);
  const presented = request.headers['if-none-match'];
  if (presented && presented.split(',').some((tag) => tag.trim().replace(/^W\//, '') === image.etag)) {
    return reply.status(304).send();
  }
  return reply.header('content-type', image.contentType).send(image.bytes);
}
