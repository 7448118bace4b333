import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transformComponents } from '../src/openapi-components';

// Registered schemas become components; the type provider writes an input twin of each, which the
// document leaves out unless something refers to it.
describe('OpenAPI components', () => {
  const Inner = z.object({ n: z.number() }).meta({ id: 'TestInner' });
  z.object({ inner: Inner }).meta({ id: 'TestOuter' });
  z.object({ s: z.string() }).meta({ id: 'TestUnused' });
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

  it('keeps what the paths refer to and what those components refer to, and nothing else', () => {
    const openapiObject = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x': {
          get: {
            responses: { 200: { description: 'x', content: { 'application/json': { schema: ref('TestOuter') } } } },
          },
        },
      },
    };
    const document = transformComponents({ openapiObject } as Parameters<typeof transformComponents>[0]) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const schemas = document.components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(['TestInner', 'TestOuter']);
    expect(schemas.TestOuter!.properties!.inner).toEqual(ref('TestInner'));
  });
});
