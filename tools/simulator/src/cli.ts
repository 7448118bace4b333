import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FaultConfig } from './http/faults';
import type { JellyfinProfile } from './jellyfin/profiles';
import type { SeerrProfile } from './data/seerr';
import type { ScaleName } from './data/scale';
import { startSimulator } from './simulator';

const USAGE = `Usage: pnpm simulator [--scale demo|medium|large] [--seed N] [--now ISO-DATE]
  [--host 127.0.0.1] [--jellyfin-port 0] [--jellyseerr-port 0] [--latency-ms N]
  [--jellyfin-profile 10.10|10.11|12.0] [--jellyseerr-profile jellyseerr-2.5|jellyseerr-2.7|seerr-3.1]
  [--faults '<json FaultConfig>' | --faults faults.json] [--truth truth.json]
Ports default to 0 (ephemeral). Prints the URLs and API keys, then a JSON line with the same.`;

/** pnpm runs the CLI from tools/simulator; paths given by the user are relative to where they typed. */
function userPath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function faultsFrom(value: string | undefined): FaultConfig | undefined {
  if (!value) return undefined;
  const text = value.trim().startsWith('{') ? value : readFileSync(userPath(value), 'utf8');
  return JSON.parse(text) as FaultConfig;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'jellyfin-port': { type: 'string', default: '0' },
      'jellyseerr-port': { type: 'string', default: '0' },
      'latency-ms': { type: 'string', default: '0' },
      'jellyfin-profile': { type: 'string', default: '10.11' },
      'jellyseerr-profile': { type: 'string', default: 'jellyseerr-2.7' },
      faults: { type: 'string' },
      truth: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sim = await startSimulator({
    scale: values.scale as ScaleName,
    seed: Number(values.seed),
    now: values.now ? Date.parse(values.now) : undefined,
    host: values.host,
    jellyfinPort: Number(values['jellyfin-port']),
    jellyseerrPort: Number(values['jellyseerr-port']),
    latencyMs: Number(values['latency-ms']),
    jellyfinProfile: values['jellyfin-profile'] as JellyfinProfile,
    jellyseerrProfile: values['jellyseerr-profile'] as SeerrProfile,
    faults: faultsFrom(values.faults),
  });
  if (values.truth) {
    const file = userPath(values.truth);
    writeFileSync(file, `${JSON.stringify(sim.truth(), null, 2)}\n`);
    console.log(`Ground truth written to ${file}`);
  }
  console.log(`Jellyfin    ${sim.jellyfin.url}  API key: ${sim.jellyfin.apiKey}`);
  console.log(`Jellyseerr  ${sim.jellyseerr.url}  API key: ${sim.jellyseerr.apiKey}`);
  console.log(`Radarr      ${sim.radarr.url}  API key: ${sim.radarr.apiKey}`);
  console.log(`Sonarr      ${sim.sonarr.url}  API key: ${sim.sonarr.apiKey}`);
  console.log(`Scale ${values.scale}, seed ${sim.seed}, reference date ${new Date(sim.now).toISOString()}`);
  console.log(
    JSON.stringify({
      jellyfin: sim.jellyfin,
      jellyseerr: sim.jellyseerr,
      radarr: sim.radarr,
      sonarr: sim.sonarr,
      seed: sim.seed,
      now: new Date(sim.now).toISOString(),
    }),
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * V8 lets the heap of a busy process grow far beyond what it keeps alive (a full `large` pass keeps
 * ~70 MB alive but grew to ~350 MB RSS with default limits). The CLI therefore re-runs itself once with
 * a capped heap and a small young generation, which holds the RSS under 200 MB.
 */
const HEAP_FLAGS = [`--max-old-space-size=${process.env.SIMULATOR_HEAP_MB ?? '128'}`, '--max-semi-space-size=4'];

function relaunchWithHeapLimits(): boolean {
  if (process.env.SIMULATOR_CHILD === '1' || process.execArgv.some((a) => a.startsWith('--max-old-space-size')))
    return false;
  const child = spawn(process.execPath, [...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SIMULATOR_CHILD: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

if (!relaunchWithHeapLimits())
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.error(USAGE);
    process.exit(1);
  });
