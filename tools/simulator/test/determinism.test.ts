import { describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { METADATA_PASS, jf, js, start } from './helpers';

async function snapshot(sim: Simulator): Promise<string[]> {
  const user = sim.users[1]!.id;
  const paths = [
    `${METADATA_PASS}&Fields=MediaSources,Path,DateCreated,ProviderIds,SortName&StartIndex=0&Limit=1000`,
    `/Items?userId=${user}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=IsPlayed`,
    `/Items?userId=${user}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=IsResumable`,
    '/Users',
    '/Library/VirtualFolders',
  ];
  const out = await Promise.all(paths.map(async (p) => (await jf(sim, p)).text()));
  for (const p of ['/api/v1/request?take=100', '/api/v1/media?take=100', '/api/v1/user', '/api/v1/request/count']) {
    out.push(await (await js(sim, p)).text());
  }
  out.push(JSON.stringify(sim.truth()));
  // Ports differ between instances; Jellyseerr's mediaUrl embeds the Jellyfin URL.
  return out.map((text) => text.replaceAll(sim.jellyfin.url, 'JELLYFIN_URL'));
}

describe('determinism', () => {
  it('the same seed, scale and reference date give the same bytes, API keys included', async () => {
    const a = await start({ seed: 42 });
    const b = await start({ seed: 42 });
    try {
      expect(a.jellyfin.apiKey).toBe(b.jellyfin.apiKey);
      expect(a.jellyseerr.apiKey).toBe(b.jellyseerr.apiKey);
      const [x, y] = await Promise.all([snapshot(a), snapshot(b)]);
      // Compared as booleans per response: a diff of megabytes of JSON helps nobody.
      expect(x.map((text, i) => text === y[i])).toEqual(x.map(() => true));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('another seed gives another library', async () => {
    const a = await start({ seed: 1 });
    const b = await start({ seed: 2 });
    try {
      const [x, y] = await Promise.all([snapshot(a), snapshot(b)]);
      expect(x[0]).not.toEqual(y[0]);
      expect(a.jellyfin.apiKey).not.toBe(b.jellyfin.apiKey);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
