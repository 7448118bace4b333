import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

// The cached reads (dashboard, issues, library, title page) hand back the SAME object on every hit of
// the services' read cache. Encoding a 50-item page through its zod schema and JSON.stringify cost more
// than the hit itself (≈140 kB per library page), so the body is serialised once per cached object and
// sent as a string: Fastify sends a string with a JSON content type as it is. The bytes are those the
// route's response serializer would produce (zod encode, then JSON.stringify); the OpenAPI document
// still comes from the declared response schema.

const bodies = new WeakMap<object, string>();

export function sendSerialized<S extends z.ZodType>(reply: FastifyReply, schema: S, value: z.output<S> & object) {
  let body = bodies.get(value);
  if (body === undefined) {
    const encoded = schema.safeEncode(value);
    // Same outcome as the route serializer: a response that breaks its contract is a server error.
    if (!encoded.success) throw new Error(`response does not match its schema: ${encoded.error.message}`);
    body = JSON.stringify(encoded.data);
    bodies.set(value, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
