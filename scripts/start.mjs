#!/usr/bin/env node
// `pnpm start`: builds what is missing (the web app), then serves API + web + jobs on one port
// (http://localhost:3000 by default) with SQLite and in-process jobs. No other service needed.
// The server runs as compiled JavaScript (apps/api/dist, scripts/build-server.mjs), rebuilt when stale;
// `pnpm dev` keeps running the TypeScript sources through tsx.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webBuild = join(root, 'apps/web/build/handler.js');

/** Newest modification time under a folder (the web sources), to rebuild a stale build. */
function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const webDir = join(root, 'apps/web');
const stale =
  !existsSync(webBuild) ||
  ['src', 'static', 'svelte.config.js', 'vite.config.ts'].some(
    (p) => existsSync(join(webDir, p)) && newestMtime(join(webDir, p)) > statSync(webBuild).mtimeMs,
  );
if (stale && existsSync(join(webDir, 'svelte.config.js'))) {
  console.log('Building the web app…');
  const status = runPnpm(['--filter', '@mj/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status);
}

const { buildServer, serverBuildStale } = await import('./build-server.mjs');
if (serverBuildStale()) {
  console.log('Building the server…');
  await buildServer();
}

// `--prepare` (what `pnpm start` runs before scripts/serve-embedded.sh execs the server) stops here;
// run directly (the e2e harness does), this script stays as the server's parent.
if (process.argv.includes('--prepare')) process.exit(0);
const child = spawn('sh', [join(root, 'scripts/serve-embedded.sh')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
