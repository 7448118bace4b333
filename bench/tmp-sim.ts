import { startSimulatorProcess } from './simulator-process';
const nodeArgs = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
const { child, info } = await startSimulatorProcess(['--scale', 'large'], nodeArgs);
const base = info.jellyfin.url; const key = info.jellyfin.apiKey;
const libs = (await (await fetch(new URL('/Library/VirtualFolders', base), { headers: { Authorization: `MediaBrowser Token="${key}"` } })).json()).map((l: any) => l.ItemId);
for (const round of [1, 2]) {
  const t0 = performance.now(); let bytes = 0; let pages = 0;
  for (const lib of libs) for (let start = 0; ; start += 25000) {
    const u = new URL('/Items', base);
    Object.entries({ Recursive: 'true', IncludeItemTypes: 'Movie,Series,Episode', EnableImages: 'false', EnableUserData: 'false', ExcludeLocationTypes: 'Virtual', SortBy: 'SortName,Id', SortOrder: 'Ascending', ParentId: lib, StartIndex: String(start), Limit: '25000' }).forEach(([k, v]) => u.searchParams.set(k, v));
    const r = await fetch(u, { headers: { Authorization: `MediaBrowser Token="${key}"` } });
    const b = await r.arrayBuffer(); bytes += b.byteLength; pages++;
    if (b.byteLength < 2000 || JSON.parse(Buffer.from(b).toString()).Items.length < 25000) break;
  }
  console.log(JSON.stringify({ round, pages, mb: Math.round(bytes / 1e6), ms: Math.round(performance.now() - t0) }));
}
child.kill();
