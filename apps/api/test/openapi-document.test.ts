import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness';

// docs/openapi.json is the API's contract as committed: clients (the web app, users' scripts) are
// written against it, so a route or schema change must show up in review as a change to this file.
// `pnpm openapi` rewrites it from what the API serves.
const DOCUMENT = new URL('../../../docs/openapi.json', import.meta.url);

describe('the committed OpenAPI document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(async () => h?.close());

  it('equals what the API serves (run `pnpm openapi` after changing a route)', async () => {
    const res = await h.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const served = `${JSON.stringify(res.json(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(DOCUMENT, served);
    const committed = await readFile(DOCUMENT, 'utf8').catch(() => '(docs/openapi.json is missing)');
    expect(committed).toBe(served);
  });

  it('documents the sync stream as text/event-stream of the SyncStatusEvent component, with no unused one', async () => {
    const document = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(document.paths['/api/sync/events'].get.responses['200'].content).toEqual({
      'text/event-stream': { schema: { $ref: '#/components/schemas/SyncStatusEvent' } },
    });
    expect(Object.keys(document.components.schemas)).toEqual(['SyncStatusEvent']);
    expect(document.components.schemas.SyncStatusEvent.required).toEqual(['state', 'runId', 'progress', 'lastRun']);
  });
});
