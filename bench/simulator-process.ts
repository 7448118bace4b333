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
    [...nodeArgs, '--import', 'tsx', join(root, 'tools/simulator/src/cli.ts'), ...args],
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
