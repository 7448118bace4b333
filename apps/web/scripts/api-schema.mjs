// Generates the web's API types (src/lib/api/schema.d.ts) from the committed OpenAPI document, so the
// web is typed against exactly what the API serves (apps/api/test/openapi-document.test.ts proves the
// document equals the served one; apps/web/test/api-schema.test.ts proves this file equals the document).
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

export const DOCUMENT = new URL('../../../docs/openapi.json', import.meta.url);
export const SCHEMA_FILE = new URL('../src/lib/api/schema.d.ts', import.meta.url);

const BANNER = '// Generated from docs/openapi.json by `pnpm --filter @mj/web gen:api`; do not edit.\n';

/** The text of schema.d.ts for the committed document. */
export async function generateSchema() {
  const document = JSON.parse(await readFile(DOCUMENT, 'utf8'));
  // Every route declares its response schema; `additionalProperties: false` keeps the types closed.
  const ast = await openapiTS(document, { alphabetize: false, exportType: false });
  return BANNER + astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(SCHEMA_FILE, await generateSchema());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
