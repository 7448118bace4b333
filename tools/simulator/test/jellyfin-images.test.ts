import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { jfJson, start } from './helpers';

// ImageApi.getItemImage (@jellyfin/sdk): GET /Items/{itemId}/Images/{imageType}?maxWidth=, anonymous,
// image/* bytes, 404 for an unknown item or image type.
describe('Jellyfin simulator: item images', () => {
  let sim: Simulator;
  let movieId: string;
  beforeAll(async () => {
    sim = await start();
    const page = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Limit=2');
    movieId = page.Items[0].Id;
  });
  afterAll(() => sim.close());

  const image = (path: string) => fetch(`${sim.jellyfin.url}${path}`);

  it('answers an image without an API key, deterministic and scaled to maxWidth', async () => {
    const a = await image(`/Items/${movieId}/Images/Primary?maxWidth=160&quality=90`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^image\//);
    const body = await a.text();
    expect(body).toContain('width="160" height="240"');
    const again = await (await image(`/Items/${movieId}/Images/Primary?maxWidth=160`)).text();
    expect(again).toBe(body);
    const full = await (await image(`/Items/${movieId}/Images/Primary`)).text();
    expect(full).toContain('width="400"');
  });

  it('never upscales, and differs per item', async () => {
    const big = await (await image(`/Items/${movieId}/Images/Primary?maxWidth=4000`)).text();
    expect(big).toContain('width="400"');
    const page = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Limit=2');
    const other = await (await image(`/Items/${page.Items[1].Id}/Images/Primary?maxWidth=160`)).text();
    const mine = await (await image(`/Items/${movieId}/Images/Primary?maxWidth=160`)).text();
    expect(other).not.toBe(mine);
  });

  it('404 for an unknown item or image type; 400 for a bad maxWidth', async () => {
    expect((await image('/Items/0123456789abcdef0123456789abcdef/Images/Primary')).status).toBe(404);
    expect((await image(`/Items/${movieId}/Images/Banner`)).status).toBe(404);
    expect((await image(`/Items/${movieId}/Images/Primary?maxWidth=abc`)).status).toBe(400);
  });
});
