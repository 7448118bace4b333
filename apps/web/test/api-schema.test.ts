import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateSchema, SCHEMA_FILE } from '../scripts/api-schema.mjs';

// The web's API types must describe what the API serves: apps/api/test/openapi-document.test.ts proves
// docs/openapi.json equals the served document, and this proves schema.d.ts equals that document.
describe('the generated API types', () => {
  it('equal what openapi-typescript makes of docs/openapi.json (run `pnpm openapi`)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(schema.d.ts is missing)');
    expect(committed).toBe(await generateSchema());
  });
});
