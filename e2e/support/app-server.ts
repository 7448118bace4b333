import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface AppProcess {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the whole app (`node scripts/start.mjs`) in its own process group, logging to `logFile`, and
 * resolves once `GET /api/health` answers 200. The first start builds the web app, hence the long timeout.
 */
export async function startApp(options: {
  repoRoot: string;
  env: Record<string, string>;
  url: string;
  logFile: string;
  timeoutMs: number;
}): Promise<AppProcess> {
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: options.repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: start.mjs spawns the build and the server, and teardown must stop all of them.
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = () => stopGroup(child);
  try {
    await waitForHealth(`${options.url}/api/health`, child, options.timeoutMs, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: options.url, stop };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The app exited with code ${exited} before becoming healthy; see ${logFile}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs} ms; see ${logFile}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
