/**
 * Peak RSS of the simulator while it serves a full `large` metadata pass (and, with --watch, every
 * user's two watch passes). The simulator runs as a child process, so the client's own memory is not
 * counted; the peak is sampled inside the simulator every 50 ms (GET /__sim/memory).
 *
 *   pnpm exec tsx bench/simulator/memory.ts [--scale large] [--limit 1000] [--watch]
 *
 * Last line: { "peakRssMb": ..., "requests": ..., "items": ... }
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    limit: { type: 'string', default: '1000' },
    watch: { type: 'boolean', default: false },
  },
});
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const simDir = join(root, 'tools/simulator');

const child = spawn(
  process.execPath,
  [
    ...(process.env.SIM_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    '--import',
    'tsx',
    'src/cli.ts',
    '--scale',
    values.scale,
    '--seed',
    '1',
  ],
  {
    cwd: simDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);

interface Started {
  jellyfin: { url: string; apiKey: string };
}

const started = await new Promise<Started>((resolve, reject) => {
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('{')) resolve(JSON.parse(line) as Started);
  });
  child.once('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
});

const { url, apiKey } = started.jellyfin;
const headers = { Authorization: `MediaBrowser Client="bench", Token="${apiKey}"` };
const get = async (path: string): Promise<{ Items: unknown[]; TotalRecordCount: number }> => {
  const res = await fetch(url + path, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return res.json();
};

const limit = Number(values.limit);
const began = Date.now();
let requests = 0;
let items = 0;
async function pass(query: string): Promise<void> {
  for (let start = 0; ; start += limit) {
    const page = await get(`/Items?${query}&StartIndex=${start}&Limit=${limit}`);
    requests++;
    items += page.Items.length;
    if (page.Items.length < limit || start + limit >= page.TotalRecordCount) return;
  }
}

const memoryNow = async () =>
  (await (await fetch(`${url}/__sim/memory`)).json()) as { rssMb: number; peakRssMb: number };
try {
  const idle = await memoryNow();
  await get('/Users');
  await get('/Library/VirtualFolders');
  await pass(
    'Recursive=true&IncludeItemTypes=Movie,Series,Episode&Fields=MediaSources,Path,DateCreated,ProviderIds&EnableImages=false&ExcludeLocationTypes=Virtual&SortBy=SortName&EnableTotalRecordCount=true',
  );
  if (values.watch) {
    for (const user of (await get('/Users')) as { Id: string }[]) {
      for (const filter of ['IsPlayed', 'IsResumable']) {
        await pass(
          `userId=${user.Id}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=${filter}&EnableImages=false`,
        );
      }
    }
  }
  const memory = await memoryNow();
  console.log(
    JSON.stringify({
      scale: values.scale,
      idle,
      end: memory,
      peakRssMb: Math.round(memory.peakRssMb * 10) / 10,
      requests,
      items,
      seconds: (Date.now() - began) / 1000,
    }),
  );
} finally {
  child.kill('SIGTERM');
}
