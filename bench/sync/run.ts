// `pnpm bench:sync --scale large --dialect sqlite|postgres --latency-ms 0 [--runtime compiled|tsx]`
// The sync runs as the worker is deployed (ADR 0006) unless told otherwise: compiled JavaScript, plain
// `node --max-old-space-size=160 --max-semi-space-size=8`, MALLOC_ARENA_MAX=2 (`--runtime tsx
// --heap-mb 0` runs the sources through tsx with Node's default heap).
// Starts the simulator and the sync in separate processes (so each one's memory is its own), runs one
// full sync, an incremental one of an unchanged library and one after 1 % item / 5 % watch changes, and
// prints as its LAST line `{ "full": {…}, "incremental": {…, unchanged} }` (requests, bytes, wallMs, …).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createScratchDatabase } from '@mj/db/testing';
import { startSimulatorProcess } from '../simulator-process';
import { buildCompiledChild } from './compiled-child';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'medium' },
    dialect: { type: 'string', default: 'sqlite' },
    'latency-ms': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'no-analyse': { type: 'boolean', default: false },
    /** V8 old-space cap for the sync process, as the production worker runs it (0 = Node's default). */
    'heap-mb': { type: 'string', default: '160' },
    /** V8 semi-space for the sync process with a heap cap (the deployed worker's `--max-semi-space-size`). */
    'semi-mb': { type: 'string', default: '8' },
    /** compiled: the esbuild bundle run by plain node, as deployed; tsx: the TypeScript sources. */
    runtime: { type: 'string', default: 'compiled' },
    only: { type: 'string' },
  },
});
const dialect = values.dialect === 'postgres' || values.dialect === 'pg' ? 'pg' : 'sqlite';

const compiledChild = values.runtime === 'tsx' ? null : await buildCompiledChild(root);
const truthFile = join(mkdtempSync(join(tmpdir(), 'mj-truth-')), 'truth.json');

function startSimulator() {
  return startSimulatorProcess(
    [
      ...['--scale', values.scale!, '--seed', values.seed!, '--latency-ms', values['latency-ms']!],
      ...['--truth', truthFile],
    ],
    // MJ_SIM_CPU_PROF=<dir> profiles the simulator too: at 0 ms latency it shares the 2 cores with the sync.
    process.env.MJ_SIM_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.MJ_SIM_CPU_PROF] : [],
  );
}

async function database(): Promise<{ target: object; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mj-bench-'));
    return {
      target: { dialect: 'sqlite', file: join(dir, 'bench.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchDatabase('mj_bench');
  return { target: { dialect: 'pg', url: scratch.url }, cleanup: scratch.drop };
}

/** One measured sync in its own process, on a fresh simulator and database. */
async function measure(plan: { mode: 'full' | 'incremental'; changes?: { items: number; watch: number } }) {
  const sim = await startSimulator();
  const db = await database();
  try {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.MJ_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.MJ_CPU_PROF] : []),
        ...(Number(values['heap-mb']) > 0
          ? [`--max-old-space-size=${values['heap-mb']}`, `--max-semi-space-size=${values['semi-mb']}`]
          : []),
        ...(compiledChild ? ['--enable-source-maps', compiledChild] : ['--import', 'tsx', join(here, 'sync-child.ts')]),
        JSON.stringify({
          database: db.target,
          ...sim.info,
          analyse: !values['no-analyse'],
          // The sync runs at the simulator's reference instant, so its ground truth applies exactly.
          now: sim.info.now,
          truth: values['no-analyse']
            ? undefined
            : { dashboard: JSON.parse(readFileSync(truthFile, 'utf8')).dashboard },
          ...plan,
        }),
      ],
      {
        cwd: here,
        stdio: ['ignore', 'pipe', 'inherit'],
        // As deployed (deploy/Dockerfile): fewer glibc malloc arenas keep native memory from fragmenting.
        env: Number(values['heap-mb']) > 0 ? { ...process.env, MALLOC_ARENA_MAX: '2' } : process.env,
      },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? 1)));
    if (code !== 0) throw new Error(`sync process exited with ${code}`);
    const result = JSON.parse(out.trim().split('\n').pop()!);
    const counts = result.counts as Record<string, number | Record<string, number>>;
    const byRoute = (counts.requestsByRoute ?? {}) as Record<string, number>;
    const items = ['movies', 'series', 'episodes'].reduce((n, k) => n + Number(counts[k] ?? 0), 0);
    const enrichment = Object.entries(byRoute)
      .filter(([r]) => /\/(movie|tv)\//.test(r) || /GET \/(movie|tv)/.test(r))
      .reduce((n, [, v]) => n + v, 0);
    const requests = Number(counts.httpRequests ?? 0);
    const summary = {
      scale: values.scale,
      dialect,
      latencyMs: Number(values['latency-ms']),
      outcome: result.outcome,
      mode: result.mode,
      changed: result.changed,
      error: result.error,
      items,
      watchRecords: counts.watchRecords,
      requests,
      /** Response body bytes read from Jellyfin, Jellyseerr and the *arrs (the guarded client counts them). */
      bytes: Number(counts.httpBytes ?? 0),
      listRequests: requests - enrichment,
      enrichmentRequests: counts.enrichmentRequests ?? enrichment,
      requestsByRoute: byRoute,
      wallMs: Math.round(result.wallMs),
      /** CPU time of the sync process over the measured sync: steadier than wall time on a shared machine. */
      cpuMs: Math.round(result.cpuMs),
      /** 1-minute load average when the sync ended (the machine is shared: read wall times with it). */
      load: result.load,
      analyseMs: Math.round(result.analyseMs),
      rowsPerSecond: Math.round(
        (items + Number(counts.watchRecords ?? 0)) / ((result.wallMs - result.analyseMs) / 1000),
      ),
      runtime: compiledChild ? 'compiled' : 'tsx',
      heapCapMb: Number(values['heap-mb']) || null,
      peakRssMb: Math.round(result.peakRssMb),
      baselineRssMb: Math.round(result.baselineRssMb),
      peakStep: result.peakStep,
      stepMs: counts.stepMs,
      truthMatches: result.truth ? result.truth.matches : null,
      ...(result.truth && !result.truth.matches ? { truth: result.truth } : {}),
    };
    console.log(JSON.stringify(summary));
    return summary;
  } finally {
    sim.child.kill('SIGTERM');
    await db.cleanup();
  }
}

// --only full|incremental|unchanged narrows the run; by default all three, then the combined line.
const only = values.only;
const fullResult = !only || only === 'full' ? await measure({ mode: 'full' }) : null;
const unchanged =
  !only || only === 'unchanged' ? await measure({ mode: 'incremental', changes: { items: 0, watch: 0 } }) : null;
const changedRun =
  !only || only === 'incremental'
    ? await measure({ mode: 'incremental', changes: { items: 0.01, watch: 0.05 } })
    : null;
console.log(JSON.stringify({ full: fullResult, incremental: changedRun ? { ...changedRun, unchanged } : unchanged }));
