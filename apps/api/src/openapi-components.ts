import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Schemas = Record<string, unknown>;

/**
 * Schemas registered with an id (`.meta({ id })`, e.g. the sync stream's `SyncStatusEvent`) become
 * components. The type provider writes every one twice, as an input (`<id>Input`) and an output; the
 * twin that no route (or used component) refers to is left out, so the document and the web's generated
 * types carry only what the API uses.
 */
export const transformComponents: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as { paths?: unknown; components?: { schemas?: Schemas } };
  const all: Schemas = document.components?.schemas ?? {};
  const used: Schemas = {};
  // Components can refer to each other: widen from what the paths use until nothing new is referred to.
  for (let added = true; added;) {
    added = false;
    const text = JSON.stringify([document.paths, used]);
    for (const [id, schema] of Object.entries(all)) {
      if (id in used || !text.includes(`"#/components/schemas/${id}"`)) continue;
      used[id] = schema;
      added = true;
    }
  }
  return { ...document, components: { ...document.components, schemas: used } } as ReturnType<SwaggerTransformObject>;
};
