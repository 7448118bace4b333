// Starts the simulator CLI in its own process (its CPU and memory are not the measured process's) and
// resolves with the JSON line it prints: every simulated server's URL and API key.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SimServer = { url: string; apiKey: string };
export type SimInfo = Record<'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr', SimServer> & { now: string };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `args` go to the simulator CLI, `nodeArgs` to node itself (e.g. `--cpu-prof`). */
export function startSimulatorProcess(
  args: string[],
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; info: SimInfo }> {
  const child = spawn(
    process.execPath,
    // Generous heap limits (which also stop the CLI re-running itself under its own 128 MB cap): the simulator
    // builds ~700 MB of short-lived JSON per large sync, and capped it spent over half of its CPU collecting
    // garbage (8.3 s instead of ~20 s per episode listing). It is the benches' server, not the product.
    [
      '--max-old-space-size=2048',
      '--max-semi-space-size=64',
      ...nodeArgs,
      '--import',
      'tsx',
      join(root, 'tools/simulator/src/cli.ts'),
      ...args,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolvePromise({ child, info: JSON.parse(line) as SimInfo });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}
