// Embedded memory benchmark (issue 12, bench/RESULTS.md "Embedded process tree"): what `pnpm start`
// leaves running (pnpm, the start script, the compiled server with the bundled demo), idle and at its
// peak while it syncs a `large` simulated library, then idle again.
//
//   pnpm bench:embedded [--scale large] [--settle-s 20]
//
// The simulator runs in its own process, outside the measured tree. Prints progress on stderr and, as
// the LAST stdout line, one JSON object: idle / peak / after RSS and PSS of the tree (MB), the process
// list at the peak, the step the sync was in at the peak and each sync's wall time and mode.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchRetrying, freePort } from '../bench-net';
import { startSimulatorProcess } from '../simulator-process';
import { treeMemory, type TreeMemory } from './process-tree';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    'settle-s': { type: 'string', default: '20' },
  },
});
const log = (msg: string) => process.stderr.write(`[bench:embedded] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Highest tree memory over `ms`, sampled every 250 ms. */
async function maxOver(pid: number, ms: number): Promise<TreeMemory> {
  let max = treeMemory(pid);
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await sleep(250);
    const now = treeMemory(pid);
    if (now.rssMb > max.rssMb) max = now;
  }
  return max;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mj-embedded-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Exactly the README's command; its own process group so the whole tree stops together.
  const app = spawn('pnpm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', openSync(join(dataDir, 'app.log'), 'a'), openSync(join(dataDir, 'app.log'), 'a')],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  const sim = await startSimulatorProcess(['--scale', values.scale!, '--seed', '1']);
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the app did not become healthy in 10 minutes');
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(1000);
    }
    log(`healthy; settling ${values['settle-s']} s`);
    await sleep(Number(values['settle-s']) * 1000);
    const idle = await maxOver(app.pid!, 10_000);
    log(`idle tree ${idle.rssMb} MB RSS / ${idle.pssMb} MB PSS`);

    const email = `bench-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const call = async (method: string, path: string, body?: object, token?: string) => {
      const res = await fetchRetrying(`${base}/api${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          origin: base,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };
    await call('POST', '/auth/register', { email, password });
    const token: string = (await call('POST', '/auth/login', { email, password })).json.accessToken;
    for (const kind of ['jellyfin', 'jellyseerr'] as const) {
      const res = await call('PUT', `/connections/${kind}`, sim.info[kind], token);
      if (res.status !== 200) throw new Error(`connect ${kind}: ${JSON.stringify(res.json)}`);
    }

    const syncs: { mode: string | null; status: string; wallMs: number; peak: TreeMemory; peakStep: string | null }[] =
      [];
    // Both are manual, so full (ADR 0005): the second shows what a sync over an existing snapshot holds.
    for (const label of ['first', 'second']) {
      const status = async () => (await call('GET', '/sync/status', undefined, token)).json;
      const before = await status();
      if (before.state === 'idle') await call('POST', '/sync', {}, token);
      const started = Date.now();
      let peakStep: string | null = null;
      let peak = treeMemory(app.pid!);
      let last: { state: string; lastRun: { id: string; status: string; mode: string | null } | null } = before;
      const previousRunId = before.lastRun?.id ?? null;
      for (;;) {
        await sleep(250);
        const now = treeMemory(app.pid!);
        last = await status();
        if (now.rssMb > peak.rssMb) {
          peak = now;
          peakStep = (last as { progress?: { step?: string } }).progress?.step ?? peakStep;
        }
        if (last.state === 'idle' && last.lastRun && last.lastRun.id !== previousRunId) break;
        if (Date.now() - started > 20 * 60_000) throw new Error('sync did not finish in 20 minutes');
      }
      const wallMs = Date.now() - started;
      log(`${label} sync ${last.lastRun!.status} (${last.lastRun!.mode}) in ${wallMs} ms; peak tree ${peak.rssMb} MB`);
      syncs.push({ mode: last.lastRun!.mode, status: last.lastRun!.status, wallMs, peak, peakStep });
    }
    await sleep(30_000);
    const after = await maxOver(app.pid!, 10_000);
    const peak = syncs.reduce((a, b) => (b.peak.rssMb > a.peak.rssMb ? b : a)).peak;
    console.log(
      JSON.stringify({
        scale: values.scale,
        load: load(),
        idle: { rssMb: idle.rssMb, pssMb: idle.pssMb, processes: idle.processes },
        peak: { rssMb: peak.rssMb, pssMb: peak.pssMb, processes: peak.processes },
        after: { rssMb: after.rssMb, pssMb: after.pssMb },
        syncs: syncs.map((s) => ({
          mode: s.mode,
          status: s.status,
          wallMs: s.wallMs,
          peakRssMb: s.peak.rssMb,
          peakStep: s.peakStep,
        })),
      }),
    );
  } finally {
    sim.child.kill();
    try {
      process.kill(-app.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await sleep(1000);
    copyFileSync(join(dataDir, 'app.log'), join(tmpdir(), 'mj-embedded-app.log'));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
